//===--- WorkerPool.cpp ---------------------------------------------------===//

#include "WorkerPool.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Program.h"
#include <chrono>
#include <csignal>
#include <list>
#include <thread>

using namespace llvm;

namespace async_tidy {

namespace {

struct Running {
  size_t Index;
  sys::ProcessInfo Process;
  std::string ResultPath, OutputPath;
  std::chrono::steady_clock::time_point Started;
};

std::string readAndRemove(StringRef Path) {
  std::string Text;
  if (auto Buffer = MemoryBuffer::getFile(Path))
    Text = (*Buffer)->getBuffer().str();
  sys::fs::remove(Path);
  return Text;
}

} // namespace

void WorkerPool::run(const std::vector<std::string> &Files,
                     function_ref<void(WorkerOutcome)> OnDone) {
  auto Split = llvm::find(Args, "--");
  std::list<Running> Workers;
  size_t Next = 0;

  auto Start = [&](size_t Index) {
    Running Worker{Index, {}, {}, {}, std::chrono::steady_clock::now()};
    SmallString<128> Result, Output;
    std::error_code EC =
        sys::fs::createTemporaryFile("async-tidy-result", "json", Result);
    if (!EC)
      EC = sys::fs::createTemporaryFile("async-tidy-output", "txt", Output);
    if (EC) {
      OnDone({Index, std::nullopt,
              "cannot create a temporary file: " + EC.message(), ""});
      return;
    }
    Worker.ResultPath = std::string(Result);
    Worker.OutputPath = std::string(Output);
    std::string ResultFlag = "--worker-output=" + Worker.ResultPath;
    std::vector<StringRef> Command(Args.begin(), Split);
    Command.push_back(ResultFlag);
    Command.push_back(Files[Index]);
    Command.insert(Command.end(), Split, Args.end());
    std::optional<StringRef> Redirects[] = {StringRef(""), Worker.OutputPath,
                                            Worker.OutputPath};
    std::string Message;
    bool Failed = false;
    Worker.Process = sys::ExecuteNoWait(Executable, Command, std::nullopt,
                                        Redirects, 0, &Message, &Failed);
    if (Failed) {
      sys::fs::remove(Worker.ResultPath);
      sys::fs::remove(Worker.OutputPath);
      OnDone({Index, std::nullopt, "cannot start a worker: " + Message, ""});
      return;
    }
    Workers.push_back(std::move(Worker));
  };

  auto Finish = [&](Running &Worker, const sys::ProcessInfo &Status,
                    StringRef Message, bool TimedOut) {
    WorkerOutcome Outcome{Worker.Index, std::nullopt, "",
                          readAndRemove(Worker.OutputPath)};
    std::string ResultText = readAndRemove(Worker.ResultPath);
    if (TimedOut) {
      Outcome.Failure = "analysis stopped after the time limit of " +
                        std::to_string(TimeoutSeconds) + " s";
    } else if (Status.ReturnCode != 0) {
      Outcome.Failure = Status.ReturnCode == -2
                            ? "the analysis crashed (" + Message.str() + ")"
                            : "the worker exited with status " +
                                  std::to_string(Status.ReturnCode);
    } else {
      Expected<json::Value> Value = json::parse(ResultText);
      Expected<WorkerResult> Result =
          Value ? workerResultFromJson(*Value) : Value.takeError();
      if (Result)
        Outcome.Result = std::move(*Result);
      else
        Outcome.Failure = toString(Result.takeError());
    }
    OnDone(std::move(Outcome));
  };

  while (Next < Files.size() || !Workers.empty()) {
    while (Workers.size() < std::max(Jobs, 1u) && Next < Files.size())
      Start(Next++);
    bool Changed = false;
    for (auto It = Workers.begin(); It != Workers.end();) {
      std::string Message;
      sys::ProcessInfo Status =
          sys::Wait(It->Process, /*SecondsToWait=*/0, &Message);
      bool Done = Status.Pid == It->Process.Pid;
      bool TimedOut = false;
      if (!Done && TimeoutSeconds &&
          std::chrono::steady_clock::now() - It->Started >
              std::chrono::seconds(TimeoutSeconds)) {
        // POSIX: Program.h can only kill through a blocking, alarm-based
        // wait, which would stall the other workers.
        ::kill(It->Process.Pid, SIGKILL);
        Status = sys::Wait(It->Process, std::nullopt, &Message);
        Done = TimedOut = true;
      }
      if (!Done) {
        ++It;
        continue;
      }
      Finish(*It, Status, Message, TimedOut);
      It = Workers.erase(It);
      Changed = true;
    }
    if (!Changed && !Workers.empty())
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
}

} // namespace async_tidy

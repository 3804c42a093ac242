//===--- WorkerProcess.cpp ------------------------------------------------===//

#include "WorkerProcess.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Signals.h"
#include <csignal>

using namespace llvm;

namespace async_tidy {

/// Worker mode's exit status for a usage or configuration error.
static constexpr int UsageError = 2;

static std::string readFile(StringRef Path) {
  auto Buffer = MemoryBuffer::getFile(Path);
  return Buffer ? (*Buffer)->getBuffer().str() : std::string();
}

/// The last lines of what the worker printed: its error message.
static std::string lastLines(StringRef Output) {
  SmallVector<StringRef> Lines;
  Output.trim().split(Lines, '\n');
  return join(
      ArrayRef<StringRef>(Lines).take_back(std::min<size_t>(Lines.size(), 5)),
      "\n");
}

Expected<std::unique_ptr<WorkerProcess>>
WorkerProcess::start(StringRef Executable, std::vector<std::string> Args) {
  std::unique_ptr<WorkerProcess> Worker(new WorkerProcess());
  SmallString<128> Result, Output;
  std::error_code EC =
      sys::fs::createTemporaryFile("async-tidy-result", "json", Result);
  if (!EC) {
    Worker->ResultPath = std::string(Result);
    EC = sys::fs::createTemporaryFile("async-tidy-output", "txt", Output);
  }
  if (EC)
    return createStringError(EC,
                             "cannot create a temporary file: " + EC.message());
  Worker->OutputPath = std::string(Output);
  // Ctrl-C ends the run (and its workers) from LLVM's signal handler, which
  // removes these; otherwise the temporary folder keeps them.
  for (StringRef Path : {Result.str(), Output.str()})
    sys::RemoveFileOnSignal(Path);

  Args.insert(Args.begin() + 1, "--worker-output=" + Worker->ResultPath);
  std::vector<StringRef> Command(Args.begin(), Args.end());
  // The worker reads nothing; what it prints is kept for the user.
  std::optional<StringRef> Redirects[] = {StringRef(""),
                                          StringRef(Worker->OutputPath),
                                          StringRef(Worker->OutputPath)};
  std::string Message;
  bool Failed = false;
  Worker->Started = std::chrono::steady_clock::now();
  Worker->Process = sys::ExecuteNoWait(Executable, Command, std::nullopt,
                                       Redirects, 0, &Message, &Failed);
  if (Failed)
    return createStringError(inconvertibleErrorCode(),
                             "cannot start the analysis: " + Message);
  return std::move(Worker);
}

WorkerProcess::~WorkerProcess() {
  if (Process.Pid && !Status)
    stop();
  // A temporary file that cannot be removed is left to the system's cleaning.
  for (const std::string &Path : {ResultPath, OutputPath})
    if (!Path.empty()) {
      consumeError(errorCodeToError(sys::fs::remove(Path)));
      sys::DontRemoveFileOnSignal(Path);
    }
}

bool WorkerProcess::finished() {
  if (Status)
    return true;
  sys::ProcessInfo Now = sys::Wait(Process, /*SecondsToWait=*/0, &StatusMessage,
                                   nullptr, /*Polling=*/true);
  if (Now.Pid == 0)
    return false;
  Status = Now;
  return true;
}

void WorkerProcess::stop() {
  if (Status)
    return;
  // LLVM has no call that ends a child process. The pid cannot name another
  // process: it stays ours until the Wait below reaps it.
  ::kill(Process.Pid, SIGKILL);
  Status = sys::Wait(Process, std::nullopt, &StatusMessage);
}

bool WorkerProcess::pastTimeLimit(unsigned TimeoutSeconds) const {
  return TimeoutSeconds && std::chrono::steady_clock::now() - Started >
                               std::chrono::seconds(TimeoutSeconds);
}

AnalysisOutcome WorkerProcess::stopPastTimeLimit(unsigned TimeoutSeconds) {
  stop();
  return AnalysisOutcome::failure("the analysis did not finish within " +
                                      Twine(TimeoutSeconds) + " s",
                                  readFile(OutputPath));
}

AnalysisOutcome WorkerProcess::outcome() {
  AnalysisOutcome Result;
  Result.Output = readFile(OutputPath);
  int Code = Status ? Status->ReturnCode : -1;
  if (Code == -2) {
    Result.Failure = "the analysis crashed (" + StatusMessage + ")";
  } else if (Code == -1) {
    Result.Failure = "cannot run the analysis: " + StatusMessage;
  } else if (Code == UsageError) {
    Result.Failure = lastLines(Result.Output);
  } else if (Code != 0) {
    Result.Failure = "the analysis exited with status " + std::to_string(Code) +
                     ": " + lastLines(Result.Output);
  } else if (Expected<WorkerResult> Read = readWorkerResult(ResultPath)) {
    Result.Result = std::move(*Read);
  } else {
    Result.Failure =
        "the analysis wrote no readable result: " + toString(Read.takeError());
  }
  return Result;
}

} // namespace async_tidy

//===--- Worker.cpp -------------------------------------------------------===//

#include "Worker.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FileUtilities.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"
#include <chrono>
#include <csignal>
#include <thread>

using namespace llvm;

namespace async_tidy::lsp {

namespace {

/// Worker mode's exit status for a usage or configuration error.
constexpr int UsageError = 2;

std::string readFile(StringRef Path) {
  auto Buffer = MemoryBuffer::getFile(Path);
  return Buffer ? (*Buffer)->getBuffer().str() : std::string();
}

/// The last lines of what the worker printed: its error message.
std::string lastLines(StringRef Output) {
  SmallVector<StringRef> Lines;
  Output.trim().split(Lines, '\n');
  return join(
      ArrayRef<StringRef>(Lines).take_back(std::min<size_t>(Lines.size(), 5)),
      "\n");
}

WorkerOutcome failed(const Twine &Problem, std::string Output = "") {
  return {WorkerOutcome::Failed, std::nullopt, Problem.str(),
          std::move(Output)};
}

} // namespace

WorkerOutcome runWorker(const WorkerSettings &Settings, StringRef File,
                        StringRef Contents, const std::atomic<bool> &Cancel) {
  SmallString<128> BufferPath, ResultPath, OutputPath;
  StringRef Extension = sys::path::extension(File).drop_front();
  int BufferFD;
  if (std::error_code EC = sys::fs::createTemporaryFile(
          "async-tidy-buffer", Extension.empty() ? "cpp" : Extension, BufferFD,
          BufferPath))
    return failed("cannot create a temporary file: " + EC.message());
  FileRemover RemoveBuffer(BufferPath);
  {
    raw_fd_ostream Buffer(BufferFD, /*shouldClose=*/true);
    Buffer << Contents;
    Buffer.close();
    if (std::error_code EC = Buffer.error()) {
      Buffer.clear_error(); // Reported here, not as a fatal error later.
      return failed("cannot write a temporary file: " + EC.message());
    }
  }
  if (std::error_code EC =
          sys::fs::createTemporaryFile("async-tidy-result", "json", ResultPath))
    return failed("cannot create a temporary file: " + EC.message());
  FileRemover RemoveResult(ResultPath);
  if (std::error_code EC =
          sys::fs::createTemporaryFile("async-tidy-output", "txt", OutputPath))
    return failed("cannot create a temporary file: " + EC.message());
  FileRemover RemoveOutput(OutputPath);

  std::vector<std::string> Args{Settings.Executable,
                                "--worker-output=" + ResultPath.str().str(),
                                "--worker-contents=" + BufferPath.str().str()};
  if (!Settings.CompileCommandsDir.empty())
    Args.insert(Args.end(), {"-p", Settings.CompileCommandsDir});
  if (!Settings.Checks.empty())
    Args.push_back("--checks=" + Settings.Checks);
  if (!Settings.ConfigFile.empty())
    Args.push_back("--config-file=" + Settings.ConfigFile);
  Args.insert(Args.end(), Settings.ExtraArgs.begin(), Settings.ExtraArgs.end());
  Args.push_back(File.str());
  std::vector<StringRef> ArgRefs(Args.begin(), Args.end());
  // stdin and stdout are the client's JSON-RPC stream: the worker gets
  // neither.
  std::optional<StringRef> Redirects[] = {StringRef(""), StringRef(OutputPath),
                                          StringRef(OutputPath)};
  std::string Message;
  bool ExecutionFailed = false;
  sys::ProcessInfo Process =
      sys::ExecuteNoWait(Settings.Executable, ArgRefs, std::nullopt, Redirects,
                         0, &Message, &ExecutionFailed);
  if (ExecutionFailed)
    return failed("cannot start the analysis: " + Message);

  // Poll rather than block with a time limit: sys::Wait implements that
  // limit with alarm(), one per process, which concurrent analyses would
  // share. Polling also lets a cancellation stop the worker at once.
  auto Deadline = std::chrono::steady_clock::now() +
                  std::chrono::seconds(Settings.TimeoutSeconds);
  sys::ProcessInfo Status;
  for (;;) {
    Status = sys::Wait(Process, /*SecondsToWait=*/0, &Message, nullptr,
                       /*Polling=*/true);
    if (Status.Pid != 0)
      break;
    bool TimedOut =
        Settings.TimeoutSeconds && std::chrono::steady_clock::now() > Deadline;
    if (TimedOut || Cancel) {
      // LLVM has no call to end a child process; the pid is ours until the
      // Wait below reaps it, so it cannot name another process.
      ::kill(Process.Pid, SIGKILL);
      sys::Wait(Process, std::nullopt);
      if (!TimedOut)
        return {WorkerOutcome::Cancelled, std::nullopt, "", ""};
      return failed("the analysis did not finish within " +
                    Twine(Settings.TimeoutSeconds) + " s");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }

  std::string Output = readFile(OutputPath);
  if (Status.ReturnCode == -2)
    return failed("the analysis crashed (" + Message + ")", Output);
  if (Status.ReturnCode == -1)
    return failed("cannot run the analysis: " + Message, Output);
  if (Status.ReturnCode == UsageError)
    return failed(lastLines(Output), Output);
  if (Status.ReturnCode != 0)
    return failed("the analysis exited with status " +
                      Twine(Status.ReturnCode) + ": " + lastLines(Output),
                  Output);
  Expected<WorkerResult> Result = readWorkerResult(ResultPath);
  if (!Result)
    return failed("the analysis wrote no readable result: " +
                  toString(Result.takeError()));
  return {WorkerOutcome::Analyzed, std::move(*Result), "", ""};
}

} // namespace async_tidy::lsp

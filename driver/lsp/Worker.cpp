//===--- Worker.cpp -------------------------------------------------------===//

#include "Worker.h"
#include "../WorkerProcess.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FileUtilities.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include <chrono>
#include <thread>

using namespace llvm;

namespace async_tidy::lsp {

namespace {

WorkerOutcome failed(const Twine &Problem, std::string Output = "") {
  return {WorkerOutcome::Failed, std::nullopt, Problem.str(),
          std::move(Output)};
}

} // namespace

WorkerOutcome runWorker(const WorkerSettings &Settings, StringRef File,
                        StringRef Contents, const std::atomic<bool> &Cancel) {
  SmallString<128> BufferPath;
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

  std::vector<std::string> Args{Settings.Executable,
                                "--worker-contents=" + BufferPath.str().str()};
  if (!Settings.CompileCommandsDir.empty())
    Args.insert(Args.end(), {"-p", Settings.CompileCommandsDir});
  if (!Settings.Checks.empty())
    Args.push_back("--checks=" + Settings.Checks);
  if (!Settings.ConfigFile.empty())
    Args.push_back("--config-file=" + Settings.ConfigFile);
  Args.insert(Args.end(), Settings.ExtraArgs.begin(), Settings.ExtraArgs.end());
  Args.push_back(File.str());
  auto Worker = WorkerProcess::start(Settings.Executable, std::move(Args));
  if (!Worker)
    return failed(toString(Worker.takeError()));

  // Polling lets a cancellation stop the worker at once.
  while (!(*Worker)->finished()) {
    bool TimedOut =
        Settings.TimeoutSeconds &&
        (*Worker)->age() > std::chrono::seconds(Settings.TimeoutSeconds);
    if (TimedOut || Cancel) {
      (*Worker)->stop();
      if (!TimedOut)
        return {WorkerOutcome::Cancelled, std::nullopt, "", ""};
      return failed("the analysis did not finish within " +
                    Twine(Settings.TimeoutSeconds) + " s");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  WorkerProcess::Outcome Outcome = (*Worker)->outcome();
  if (!Outcome.Result)
    return failed(Outcome.Failure, std::move(Outcome.Output));
  return {WorkerOutcome::Analyzed, std::move(Outcome.Result), "", ""};
}

} // namespace async_tidy::lsp

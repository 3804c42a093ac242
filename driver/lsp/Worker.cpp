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

std::optional<AnalysisOutcome> analyzeBuffer(const WorkerSettings &Settings,
                                             StringRef File, StringRef Contents,
                                             const std::atomic<bool> &Cancel) {
  SmallString<128> BufferPath;
  StringRef Extension = sys::path::extension(File).drop_front();
  int BufferFD;
  if (std::error_code EC = sys::fs::createTemporaryFile(
          "async-tidy-buffer", Extension.empty() ? "cpp" : Extension, BufferFD,
          BufferPath))
    return AnalysisOutcome::failure("cannot create a temporary file: " +
                                    EC.message());
  FileRemover RemoveBuffer(BufferPath);
  {
    raw_fd_ostream Buffer(BufferFD, /*shouldClose=*/true);
    Buffer << Contents;
    Buffer.close();
    if (std::error_code EC = Buffer.error()) {
      Buffer.clear_error(); // Reported here, not as a fatal error later.
      return AnalysisOutcome::failure("cannot write a temporary file: " +
                                      EC.message());
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
    return AnalysisOutcome::failure(toString(Worker.takeError()));

  // Polling lets a cancellation stop the worker at once.
  while (!(*Worker)->finished()) {
    if ((*Worker)->pastTimeLimit(Settings.TimeoutSeconds))
      return (*Worker)->stopPastTimeLimit(Settings.TimeoutSeconds);
    if (Cancel) {
      (*Worker)->stop();
      return std::nullopt;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return (*Worker)->outcome();
}

} // namespace async_tidy::lsp

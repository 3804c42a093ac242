//===--- WorkerProcess.h - One analysis in a child process ----------------===//
//
// async-tidy runs itself in worker mode (docs/ci.md, "The worker protocol")
// so that a file that crashes the front end or a check, or never finishes,
// costs only its own result. This is one such process: its temporary files,
// a wait that does not block (sys::Wait's time limit uses alarm(), one per
// process, which concurrent workers would share), a stop, and what it left.
// The -j pool and the language server both use it.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_DRIVER_WORKERPROCESS_H
#define ASYNC_TIDY_DRIVER_WORKERPROCESS_H

#include "AnalysisOutcome.h"
#include "llvm/Support/Program.h"
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace async_tidy {

class WorkerProcess {
public:
  /// Starts \p Executable with \p Args (argv[0] first) and
  /// "--worker-output=<a temporary file>".
  static llvm::Expected<std::unique_ptr<WorkerProcess>>
  start(llvm::StringRef Executable, std::vector<std::string> Args);

  /// Stops the process if it still runs and removes its files.
  ~WorkerProcess();

  /// Whether the process has ended; does not block.
  bool finished();

  /// Ends the process now: a time limit passed, or its result is no longer
  /// wanted.
  void stop();

  /// Whether it has run longer than \p TimeoutSeconds (0: no limit).
  bool pastTimeLimit(unsigned TimeoutSeconds) const;

  /// Once finished(): the result, or why there is none.
  AnalysisOutcome outcome();

  /// Stops the process, which ran past \p TimeoutSeconds, and says so.
  AnalysisOutcome stopPastTimeLimit(unsigned TimeoutSeconds);

private:
  WorkerProcess() = default;

  llvm::sys::ProcessInfo Process;
  std::optional<llvm::sys::ProcessInfo> Status;
  std::string StatusMessage;
  std::string ResultPath, OutputPath;
  std::chrono::steady_clock::time_point Started;
};

} // namespace async_tidy

#endif // ASYNC_TIDY_DRIVER_WORKERPROCESS_H

//===--- Worker.h - One editor buffer analyzed in a child process ---------===//
//
// The server never analyzes in its own process: a file that crashes the
// front end or a check would take the editor's diagnostics down with it.
// Each analysis runs async-tidy itself in worker mode on the editor's
// buffer (a WorkerProcess, as -j uses), and comes back as the worker's
// result or as the reason there is none.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_DRIVER_LSP_WORKER_H
#define ASYNC_TIDY_DRIVER_LSP_WORKER_H

#include "../AnalysisOutcome.h"
#include <atomic>
#include <optional>
#include <string>
#include <vector>

namespace async_tidy::lsp {

struct WorkerSettings {
  std::string Executable;
  std::string CompileCommandsDir; ///< Empty: the worker looks upward.
  std::string Checks;             ///< Empty: the configuration's.
  std::string ConfigFile;         ///< Empty: .clang-tidy files.
  std::vector<std::string> ExtraArgs;
  unsigned TimeoutSeconds = 0; ///< 0: no limit.
};

/// Analyzes \p File with \p Contents as its text in a worker process.
/// Setting \p Cancel stops the worker early (newer contents have arrived,
/// or the server is exiting); then there is no outcome.
std::optional<AnalysisOutcome> analyzeBuffer(const WorkerSettings &Settings,
                                             llvm::StringRef File,
                                             llvm::StringRef Contents,
                                             const std::atomic<bool> &Cancel);

} // namespace async_tidy::lsp

#endif // ASYNC_TIDY_DRIVER_LSP_WORKER_H

//===--- Worker.h - One document's analyses in a child process ------------===//
//
// The server never analyzes in its own process: a file that crashes the
// front end or a check would take the editor's diagnostics down with it.
// Each open document has a serving worker (../ServingWorker.h) that
// analyzes its buffer after each edit and keeps the preamble of its
// #include block in memory, so that an edit below the includes re-parses
// only the rest of the file. A worker that crashes takes only that
// analysis and its preamble with it: the next one starts a new worker.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_DRIVER_LSP_WORKER_H
#define ASYNC_TIDY_DRIVER_LSP_WORKER_H

#include "../AnalysisOutcome.h"
#include "../ServingWorker.h"
#include <atomic>
#include <memory>
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
  /// After an edit in a body, parse only the declarations it reaches.
  bool PartialReparse = true;
};

class DocumentWorker {
public:
  explicit DocumentWorker(const WorkerSettings &Settings)
      : Settings(Settings) {}

  /// Analyzes \p File with \p Contents as its text. Setting \p Cancel
  /// (newer contents have arrived, or the server is exiting) gives up on
  /// it: then there is no outcome. A worker that holds a preamble finishes
  /// the analysis unwatched, to keep it; any other is stopped.
  std::optional<AnalysisOutcome> analyze(llvm::StringRef File,
                                         llvm::StringRef Contents,
                                         const std::atomic<bool> &Cancel);

  /// Whether the last outcome came from a reused preamble.
  bool reusedPreamble() const { return Worker && Worker->reusedPreamble(); }
  /// Declarations parsed and in all, when the last outcome parsed only
  /// those an edit reaches.
  std::optional<std::pair<unsigned, unsigned>> partialParse() const {
    return Worker ? Worker->partialParse() : std::nullopt;
  }

private:
  /// Sends the request to the worker, or to a new one if it has ended.
  bool send(llvm::StringRef File, llvm::StringRef BufferPath);

  const WorkerSettings &Settings;
  std::unique_ptr<ServingWorker> Worker;
};

} // namespace async_tidy::lsp

#endif // ASYNC_TIDY_DRIVER_LSP_WORKER_H

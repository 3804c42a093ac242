//===--- ProjectIndexer.h - The project's summary index, kept fresh -------===//
//
// The editor's analyses see one file; to follow calls into the project's
// other files they read the summary index a whole-project run writes
// (docs/ci.md, "Calls across files"). The indexer runs that run in the
// background, one file at a time, with its own result cache so that a rerun
// re-analyzes only what changed, and says when the index's content changed.
// The index file exists from the start (empty until the first run ends), so
// workers can be started with it; they reread it when it changes.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_DRIVER_LSP_PROJECTINDEXER_H
#define ASYNC_TIDY_DRIVER_LSP_PROJECTINDEXER_H

#include "llvm/Support/Error.h"
#include "llvm/Support/Program.h"
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace async_tidy::lsp {

class ProjectIndexer {
public:
  /// Indexes the compile database in \p DatabaseDir into \p IndexDir,
  /// running \p Executable with \p Arguments added (checks, configuration,
  /// worker arguments); \p OnUpdated runs on the indexer's thread after a
  /// run that changed the index.
  static llvm::Expected<std::unique_ptr<ProjectIndexer>>
  create(std::string Executable, std::string DatabaseDir,
         const std::string &IndexDir, std::vector<std::string> Arguments,
         std::function<void()> OnUpdated);
  /// Stops a run in progress.
  ~ProjectIndexer();

  /// The index file the analyses read.
  const std::string &indexPath() const { return IndexPath; }

  /// Asks for a run; one asked for during a run starts after it.
  void refresh();

private:
  ProjectIndexer(std::vector<std::string> Command, std::string IndexPath,
                 std::function<void()> OnUpdated);
  void loop();
  /// Runs the command once; false when stopped.
  bool runOnce();

  std::vector<std::string> Command;
  std::string IndexPath;
  std::function<void()> OnUpdated;
  std::string LastIndex; ///< The index's text after the last run.

  std::mutex Lock;
  std::condition_variable Wake;
  bool Wanted = false, Stopping = false;
  llvm::sys::ProcessInfo Running; ///< Pid 0: none.
  std::thread Thread;
};

} // namespace async_tidy::lsp

#endif // ASYNC_TIDY_DRIVER_LSP_PROJECTINDEXER_H

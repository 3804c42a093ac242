//===--- RunPlan.h - What a run analyzes and what it hides ----------------===//
//
// The second stage of a run, after the command line: the compilation
// database and the files to analyze (a worker stops there), the shard's part
// of them, then the baseline, the changed lines and the result cache.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_DRIVER_RUNPLAN_H
#define ASYNC_TIDY_DRIVER_RUNPLAN_H

#include "Baseline.h"
#include "ChangedLines.h"
#include "CommandLine.h"
#include "ResultCache.h"
#include "Shard.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/VirtualFileSystem.h"
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace async_tidy {

struct RunPlan {
  std::unique_ptr<clang::tooling::CompilationDatabase> Database;
  /// Absolute paths, in the order they are reported.
  std::vector<std::string> Files;
  Baseline Known;
  std::optional<ChangedLines> Changed;
  std::optional<ResultCache> Cache;
};

/// The database and the files to analyze: the files named, or the
/// database's entries that --include and --exclude let through. Takes the
/// flags after "--" from \p Options.
llvm::Expected<RunPlan> planFiles(DriverOptions &Options,
                                  llvm::vfs::FileSystem &FS);

/// The rest of a run's plan: every file exists, and the baseline, changed
/// lines and result cache the options ask for.
llvm::Error planFindings(RunPlan &Plan, const DriverOptions &Options,
                         llvm::vfs::FileSystem &FS);

/// --shard: keeps the shard's part of the files in \p Plan and records the
/// split in \p Shard, which has its index and count.
llvm::Error planShard(RunPlan &Plan, ShardPlan &Shard,
                      llvm::StringRef CostsFile);

} // namespace async_tidy

#endif // ASYNC_TIDY_DRIVER_RUNPLAN_H

//===--- CommandLine.h - The async-tidy command line as plain options -----===//
//
// The flags themselves (names, descriptions, defaults) are file-local in
// CommandLine.cpp (the hidden test hooks in TestHooks.cpp); the rest of the
// driver sees only DriverOptions.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_DRIVER_COMMANDLINE_H
#define ASYNC_TIDY_DRIVER_COMMANDLINE_H

#include "Analysis.h"
#include "Compilations.h"
#include "RunReporter.h"
#include "TestHooks.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "llvm/Support/Error.h"
#include <optional>
#include <string>
#include <vector>

namespace llvm::cl {
class OptionCategory;
} // namespace llvm::cl

namespace async_tidy {

/// The category of every async-tidy flag: --help lists only these.
llvm::cl::OptionCategory &driverOptionCategory();

struct DriverOptions {
  /// The files named on the command line, as given.
  std::vector<std::string> SourcePaths;
  /// -p, --extra-arg(-before) and the flags after "--".
  CompilationSetup Compilations;
  /// --include / --exclude globs over the database's files.
  std::vector<std::string> Include, Exclude;

  /// What the command line sets over the configuration files (--checks,
  /// --header-filter, ...); unset fields leave the files' values.
  clang::tidy::ClangTidyOptions Overrides;
  std::string Config, ConfigFile, LineFilter, VfsOverlay;

  // Commands that print information and exit.
  std::string Explain;
  bool ListChecks = false, ExplainConfig = false, DumpConfig = false,
       VerifyConfig = false;
  bool AllowNoChecks = false;

  // Findings hidden from the report.
  std::string BaselineFile, ChangedSince;

  /// Per-file analysis settings; File and Contents are left empty.
  AnalysisRequest Analysis;
  /// Output, fixes and exit status; ShowProgress is decided by the run.
  ReportSettings Report;
  unsigned Jobs = 0;    ///< 0: one worker per core.
  unsigned Timeout = 0; ///< Seconds per file; 0: no limit.
  std::string CacheDir;
  /// Follow calls across the run's files (a summary pass first).
  bool CrossFile = true;
  /// --summary-index, absolute: every file is judged with that index, no
  /// own pass.
  std::string SummaryIndex;
  std::string WriteSummaryIndex;
  /// --shard-costs: what balances the shards (Report.Shard is --shard).
  std::string ShardCosts;

  /// This program, to start workers and to identify the build in the cache.
  std::string Executable;
  /// This run's arguments without the files: each worker's command line.
  std::vector<std::string> WorkerArguments;
  /// Worker mode (--worker-output): where to write the one file's result,
  /// and the file holding its unsaved text, if any.
  std::string WorkerOutput, WorkerContents;
  /// MiB a -j worker may leave in use before it is replaced; 0: no limit.
  unsigned WorkerMemoryLimit = 0;
  TestHooks Hooks;

  bool isWorker() const { return !WorkerOutput.empty(); }
};

/// Parses async-tidy's command line. Prints the error and returns nothing
/// when it is not valid (--help and --version exit here).
std::optional<DriverOptions> parseCommandLine(int Argc, const char **Argv);

} // namespace async_tidy

#endif // ASYNC_TIDY_DRIVER_COMMANDLINE_H

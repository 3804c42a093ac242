//===--- RunReporter.h - What a run prints, writes and exits with ---------===//
//
// Takes each file's outcome as it arrives and reports the files in their
// order; at the end writes the reports, baseline and fixes, prints the
// summary and chooses the exit status.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_DRIVER_RUNREPORTER_H
#define ASYNC_TIDY_DRIVER_RUNREPORTER_H

#include "AnalysisOutcome.h"
#include "ExitStatus.h"
#include "FileFailure.h"
#include "FindingFilter.h"
#include "FixApplier.h"
#include "ShardReport.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "llvm/Support/VirtualFileSystem.h"
#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace async_tidy {

struct ReportSettings {
  /// text, json or sarif.
  std::string Format = "text";
  /// For json and sarif; standard output when empty.
  std::string OutputFile;
  /// SARIF locations are relative to this folder (defaultSarifRoot() when
  /// empty).
  std::string SarifRoot;
  /// The JSON report names files under this folder relative to it (absolute
  /// names when empty).
  std::string ReportRoot;
  std::string WriteBaseline;
  bool ReportStale = false;
  std::string ExportFixes;
  bool Fix = false;
  bool FixErrors = false;
  bool Quiet = false;
  bool FailOnFindings = true;
  bool ShowProgress = false;
  /// --shard: the json and sarif reports record it for `async-tidy merge`.
  std::optional<ShardPlan> Shard;
};

class RunReporter {
public:
  /// \p PrintContext gives each file's options (header filters, colors,
  /// format style) to the text output and the fixes.
  RunReporter(ReportSettings Settings, const std::vector<std::string> &Paths,
              FindingFilter Filter, clang::tidy::ClangTidyContext &PrintContext,
              llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> BaseFS);

  /// Takes the outcome of file \p Index of the paths, in any order; files are
  /// reported in their order as soon as every earlier one is in.
  void done(size_t Index, AnalysisOutcome Outcome);

  /// Counts file \p Index as analyzed in the progress display before its
  /// outcome is known for good (a first pass); done() then does not again.
  void analyzed(size_t Index);

  /// On a terminal (ShowProgress), a status line that the next output
  /// replaces: files done, seconds since the start, the files in flight.
  void running(llvm::ArrayRef<size_t> Indexes);

  /// Line numbers of the files seen so far (the cache stores them).
  LineTable &lines() { return Filter.lines(); }

  /// Writes what the settings ask for, prints the summary and returns the
  /// exit status.
  int finish();

private:
  void report(const std::string &File, AnalysisOutcome &Outcome);
  bool writeReport();
  llvm::json::Object reportDocument();
  bool applyFixes();
  void printSummary();
  void clearStatus();

  ReportSettings Settings;
  const std::vector<std::string> &Paths;
  FindingFilter Filter;
  clang::tidy::ClangTidyContext &PrintContext;
  llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> BaseFS;

  std::vector<std::optional<AnalysisOutcome>> Pending;
  std::vector<bool> Counted;
  size_t NextToReport = 0, Finished = 0;
  std::chrono::steady_clock::time_point Start =
      std::chrono::steady_clock::now();
  bool StatusShown = false;
  FixApplier Fixes;
  std::vector<clang::tidy::ClangTidyError> Errors, Conflicts;
  std::vector<std::string> FailedFiles;
  std::vector<FileFailure> NotAnalyzed;
  std::vector<ShardFileRecord> FileRecords; // one per file reported
  unsigned Promoted = 0; // findings of --warnings-as-errors checks
};

} // namespace async_tidy

#endif // ASYNC_TIDY_DRIVER_RUNREPORTER_H

//===--- RunReporter.cpp --------------------------------------------------===//

#include "RunReporter.h"
#include "Baseline.h"
#include "JsonReport.h"
#include "ReportRoot.h"
#include "SarifReport.h"
#include "clang-tidy/ClangTidy.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

using namespace clang::tidy;
using namespace llvm;

namespace async_tidy {

RunReporter::RunReporter(ReportSettings Settings,
                         const std::vector<std::string> &Paths,
                         FindingFilter Filter, ClangTidyContext &PrintContext,
                         IntrusiveRefCntPtr<vfs::FileSystem> BaseFS)
    : Settings(std::move(Settings)), Paths(Paths), Filter(std::move(Filter)),
      PrintContext(PrintContext), BaseFS(std::move(BaseFS)),
      Pending(Paths.size()), Counted(Paths.size()) {}

void RunReporter::running(ArrayRef<size_t> Indexes) {
  if (!Settings.ShowProgress)
    return;
  auto Seconds = std::chrono::duration_cast<std::chrono::seconds>(
                     std::chrono::steady_clock::now() - Start)
                     .count();
  std::string Line = "[" + std::to_string(Finished) + "/" +
                     std::to_string(Paths.size()) + "] " +
                     std::to_string(Seconds) + " s, analyzing";
  for (size_t Index : Indexes)
    Line += (Index == Indexes.front() ? " " : ", ") +
            sys::path::filename(Paths[Index]).str();
  // One line that the next one overwrites: it must not wrap.
  unsigned Columns = sys::Process::StandardErrColumns();
  if (Columns > 4 && Line.size() >= Columns)
    Line = Line.substr(0, Columns - 4) + "...";
  errs() << "\r\x1b[K" << Line;
  errs().flush();
  StatusShown = true;
}

void RunReporter::clearStatus() {
  if (StatusShown)
    errs() << "\r\x1b[K";
  StatusShown = false;
}

void RunReporter::analyzed(size_t Index) {
  if (Counted[Index])
    return;
  Counted[Index] = true;
  clearStatus();
  if (Settings.ShowProgress)
    errs() << "[" << ++Finished << "/" << Paths.size() << "] " << Paths[Index]
           << "\n";
}

void RunReporter::done(size_t Index, AnalysisOutcome Outcome) {
  analyzed(Index);
  Pending[Index] = std::move(Outcome);
  for (; NextToReport < Paths.size(); ++NextToReport) {
    std::optional<AnalysisOutcome> &Next = Pending[NextToReport];
    if (!Next)
      break;
    report(Paths[NextToReport], *Next);
    Next.reset();
  }
}

void RunReporter::report(const std::string &File, AnalysisOutcome &Outcome) {
  errs() << Outcome.Output;
  FileRecords.push_back({0, Outcome.CostMs});
  if (!Outcome.Result) {
    NotAnalyzed.push_back({File, Outcome.Failure});
    return;
  }
  bool Failed = Outcome.Result->Failed;
  if (Failed)
    FailedFiles.push_back(File);
  std::vector<ClangTidyError> Kept =
      Filter.filter(std::move(Outcome.Result->Errors));
  if (Settings.Fix && (Settings.FixErrors || !Failed))
    for (const ClangTidyError &Error : Kept)
      if (!Error.Message.Fix.empty() && !Fixes.add(Error))
        Conflicts.push_back(Error);
  FileRecords.back().Findings = Kept.size();
  Promoted += llvm::count_if(
      Kept, [](const ClangTidyError &Error) { return Error.IsWarningAsError; });
  if (Settings.Format == "text") {
    unsigned Ignored = 0; // counted above, for json and sarif too
    PrintContext.setCurrentFile(File);
    handleErrors(Kept, PrintContext, FB_NoFix, Ignored, BaseFS);
  }
  std::move(Kept.begin(), Kept.end(), std::back_inserter(Errors));
}

int RunReporter::finish() {
  clearStatus();
  // An invalid check option means the checks did not run as configured:
  // nothing is written (no baseline, report, fixes file or fix).
  bool Write = !Filter.badConfiguration();
  if (Write && !Settings.WriteBaseline.empty())
    if (Error E = writeBaseline(Settings.WriteBaseline, Filter.allFindings(),
                                Filter.lines()))
      return fail("cannot write baseline '" + Settings.WriteBaseline +
                  "': " + toString(std::move(E)));
  if (Settings.ReportStale)
    for (const auto &Entry : Filter.baseline())
      if (!Entry.second.Seen)
        errs() << "async-tidy: stale baseline entry: " << Entry.second.File
               << ": " << Entry.second.Message << " [" << Entry.second.Check
               << "]\n";
  if (Write && !writeReport())
    return ToolError;
  bool FixFailed = Write && Settings.Fix && !applyFixes();
  printSummary();
  if (!FailedFiles.empty() || !NotAnalyzed.empty() ||
      Filter.badConfiguration() || FixFailed)
    return ToolError;
  return Promoted || (Filter.warnings() && Settings.FailOnFindings) ? Findings
                                                                    : Clean;
}

bool RunReporter::writeReport() {
  if (Settings.Format != "text") {
    std::error_code EC;
    std::unique_ptr<raw_fd_ostream> File;
    if (!Settings.OutputFile.empty()) {
      File = std::make_unique<raw_fd_ostream>(Settings.OutputFile, EC);
      if (EC) {
        fail("cannot write '" + Settings.OutputFile + "': " + EC.message());
        return false;
      }
    }
    raw_ostream &Out = File ? *File : outs();
    Out << formatv("{0:2}", json::Value(reportDocument())) << "\n";
  }
  // As clang-tidy: no file, and nothing on stdout for "-", without findings.
  if (!Settings.ExportFixes.empty() && !Errors.empty()) {
    std::error_code EC;
    raw_fd_ostream OS(Settings.ExportFixes, EC, sys::fs::OF_None);
    if (EC) {
      fail("cannot write '" + Settings.ExportFixes + "': " + EC.message());
      return false;
    }
    exportReplacements(Paths.size() == 1 ? Paths.front() : "", Errors, OS);
  }
  return true;
}

json::Object RunReporter::reportDocument() {
  json::Object Json;
  if (Settings.Format == "json" || Settings.Shard)
    Json = jsonReport(Errors, FailedFiles, NotAnalyzed);
  if (Settings.Shard)
    Json["shard"] = shardRecord(*Settings.Shard, FileRecords);
  if (!Settings.ReportRoot.empty())
    relativizeReport(Json, Settings.ReportRoot);
  if (Settings.Format == "json")
    return Json;
  json::Object Sarif = sarifReport(
      Errors, FailedFiles, NotAnalyzed,
      Settings.SarifRoot.empty() ? defaultSarifRoot() : Settings.SarifRoot);
  if (Settings.Shard)
    embedShardReport(Sarif, std::move(Json));
  return Sarif;
}

bool RunReporter::applyFixes() {
  for (const ClangTidyError &Error : Conflicts) {
    auto [Line, Column] = Filter.lines().position(Error.Message.FilePath,
                                                  Error.Message.FileOffset);
    WithColor::warning(errs(), "async-tidy")
        << "the fix of [" << Error.DiagnosticName << "] at "
        << Error.Message.FilePath << ":" << Line << ":" << Column
        << " overlaps another fix; it was not applied\n";
  }
  FixApplier::Outcome Applied = Fixes.apply([&](StringRef File) {
    return PrintContext.getOptionsForFile(File).FormatStyle.value_or("none");
  });
  for (const std::string &Failure : Applied.Failures)
    WithColor::error(errs(), "async-tidy") << Failure << "\n";
  if (!Settings.Quiet && Applied.FilesWritten)
    errs() << "async-tidy: applied " << Applied.EditsApplied
           << (Applied.EditsApplied == 1 ? " edit" : " edits") << " to "
           << Applied.FilesWritten
           << (Applied.FilesWritten == 1 ? " file\n" : " files\n");
  return Applied.Failures.empty();
}

void RunReporter::printSummary() {
  if (!Settings.Quiet) {
    unsigned Warnings = Filter.warnings();
    errs() << "async-tidy: " << Warnings
           << (Warnings == 1 ? " finding" : " findings") << " in "
           << Paths.size() << (Paths.size() == 1 ? " file" : " files");
    if (Filter.hidden())
      errs() << "; " << Filter.hidden() << " hidden by the baseline";
    if (!FailedFiles.empty())
      errs() << "; " << FailedFiles.size()
             << (FailedFiles.size() == 1 ? " file" : " files")
             << " with compile errors";
    if (!NotAnalyzed.empty())
      errs() << "; " << NotAnalyzed.size()
             << (NotAnalyzed.size() == 1 ? " file" : " files")
             << " not analyzed";
    errs() << "\n";
  }
  for (const std::string &File : FailedFiles)
    WithColor::error(errs(), "async-tidy")
        << "'" << File << "' has compile errors; its analysis is incomplete\n";
  for (const FileFailure &Failure : NotAnalyzed)
    WithColor::error(errs(), "async-tidy")
        << "'" << Failure.File << "': " << Failure.Reason << "\n";
  if (Filter.badConfiguration())
    WithColor::error(errs(), "async-tidy")
        << "invalid check options; see the errors above\n";
}

} // namespace async_tidy

//===--- AsyncTidyMain.cpp - The async-tidy command -----------------------===//
//
// A clang-tidy compatible command line that runs the async-* checks by
// default. Exit status: 0 no findings, 1 findings, 2 usage or tool error
// (including a translation unit that does not parse).
//
// A run goes through stages, each in its own file: the command line
// (CommandLine.h), commands that only print (InfoCommands.h), the plan of
// what to analyze and hide (RunPlan.h), and the analysis (AnalyzeFiles.h),
// or in a worker the one file's analysis (WorkerMode.h), which a serving
// worker runs for file after file (WorkerServe.h).
//
//===----------------------------------------------------------------------===//

#include "AnalyzeFiles.h"
#include "CheckSelection.h"
#include "CommandLine.h"
#include "ConfigReview.h"
#include "InfoCommands.h"
#include "MergeCommand.h"
#include "OptionsProvider.h"
#include "RunPlan.h"
#include "RunReporter.h"
#include "TidyCompat.h"
#include "WorkerMode.h"
#include "WorkerServe.h"
#include "clang-tidy/ClangTidyForceLinker.h"
#include "lsp/LanguageServer.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"

using namespace llvm;
using namespace async_tidy;

namespace {

/// Options that exclude or need each other.
Error checkOptionCombinations(const DriverOptions &Options) {
  StringRef Format = Options.Report.Format;
  if (Format != "text" && Format != "json" && Format != "sarif")
    return createStringError(inconvertibleErrorCode(),
                             "unknown --format '" + Format +
                                 "' (supported: text, json, sarif)");
  if (Format == "text" && !Options.Report.OutputFile.empty())
    return createStringError(inconvertibleErrorCode(),
                             "--output works with --format json or sarif");
  // It rewrites the names of a JSON report, relative to a folder that is
  // there: a mistyped one would silently leave them absolute.
  if (!Options.Report.ReportRoot.empty() && !Options.isWorker()) {
    if (Format != "json")
      return createStringError(inconvertibleErrorCode(),
                               "--report-root works with --format json");
    if (!sys::fs::is_directory(Options.Report.ReportRoot))
      return createStringError(inconvertibleErrorCode(),
                               "--report-root '" + Options.Report.ReportRoot +
                                   "' is not a folder");
  }
  if (!Options.ShardCosts.empty() && !Options.Report.Shard)
    return createStringError(inconvertibleErrorCode(),
                             "--shard-costs works with --shard");
  // A shard sees only its own files' findings and summaries.
  if (Options.Report.Shard &&
      (!Options.Report.WriteBaseline.empty() || Options.Report.ReportStale))
    return createStringError(inconvertibleErrorCode(),
                             "--write-baseline and --report-stale need the "
                             "whole run: they do not work with --shard");
  // Its own pass would follow calls only into the part's files: a part
  // either writes its summaries for the merge or is given the merged index.
  bool WritesSummaries = !Options.WriteSummaryIndex.empty();
  if (Options.Report.Shard && Options.CrossFile &&
      Options.SummaryIndex.empty() && !WritesSummaries)
    return createStringError(
        inconvertibleErrorCode(),
        "--shard needs --write-summary-index (the part's summaries, which "
        "`async-tidy merge` joins into one index), --summary-index (that "
        "index, given to every part) or --cross-file=false: a part has only "
        "its own files' summaries");
  if (Options.Report.Shard && WritesSummaries && !Options.CrossFile)
    return createStringError(inconvertibleErrorCode(),
                             "--write-summary-index does not work with "
                             "--cross-file=false");
  // A worker is given the run's arguments, and writes its result only.
  if (Options.Report.Shard && WritesSummaries && !Options.isWorker() &&
      (!Options.Report.OutputFile.empty() ||
       !Options.Report.ExportFixes.empty() || Options.Report.Fix))
    return createStringError(
        inconvertibleErrorCode(),
        "with --shard, --write-summary-index writes the part's summaries "
        "and reports no findings, so --output, --export-fixes and --fix do "
        "not apply: the parts report when given the merged index "
        "(--summary-index)");
  if (Options.isWorker() && Options.SourcePaths.size() != 1)
    return createStringError(inconvertibleErrorCode(),
                             "--worker-output takes exactly one file");
  return Error::success();
}

int run(DriverOptions Options) {
  if (!Options.Explain.empty())
    return explainCheck(Options.Explain);
  if (Error E = checkOptionCombinations(Options))
    return fail(toString(std::move(E)));
  auto FS = makeFileSystem(Options.VfsOverlay);
  if (!FS)
    return fail(toString(FS.takeError()));
  IntrusiveRefCntPtr<vfs::OverlayFileSystem> BaseFS = *FS;
  auto Provider = makeOptionsProvider(Options, BaseFS);
  if (!Provider)
    return fail(toString(Provider.takeError()));
  if (isInfoCommand(Options))
    return runInfoCommand(Options, std::move(*Provider));

  Expected<RunPlan> Plan = planFiles(Options, *BaseFS);
  if (!Plan)
    return fail(toString(Plan.takeError()));
  if (Options.isWorker())
    return analyzeForParentProcess(Options, *Plan->Database, BaseFS,
                                   Plan->Files.front());
  // Once, in the parent: a worker's output is shown with its file.
  printConfigWarnings(
      reviewConfig(Options, **Provider, Plan->Files, /*WithValues=*/false));
  // Decided once for the run on its first file, as clang-tidy does; a
  // worker does not list the checks again.
  if (!Options.AllowNoChecks &&
      enabledChecks((*Provider)->getOptions(Plan->Files.front())).empty())
    return fail("no checks are enabled (--allow-no-checks runs anyway)");
  // Split after the decisions above, which every shard takes as the whole
  // run does.
  if (Options.Report.Shard)
    if (Error E = planShard(*Plan, *Options.Report.Shard, Options.ShardCosts))
      return fail(toString(std::move(E)));
  if (Error E = planFindings(*Plan, Options, *BaseFS))
    return fail(toString(std::move(E)));
  return analyzeFiles(Options, *Plan, std::move(*Provider), BaseFS);
}

} // namespace

int main(int Argc, const char **Argv) {
  InitLLVM X(Argc, Argv);
  if (Argc > 1 && StringRef(Argv[1]) == "lsp")
    return runLanguageServer(Argc - 1, Argv + 1);
  if (Argc > 1 && StringRef(Argv[1]) == "merge")
    return runMerge(Argc - 1, Argv + 1);
  ArrayRef<const char *> Arguments(Argv, Argc);
  if (isServingWorker(Arguments))
    return serveParentProcess(
        Arguments, [](ArrayRef<const char *> Args, EditorCaches *Caches) {
          std::vector<const char *> Command(Args.begin(), Args.end());
          std::optional<DriverOptions> Options = parseCommandLine(
              static_cast<int>(Command.size()), Command.data());
          if (!Options)
            return static_cast<int>(ToolError);
          Options->Analysis.Editor = Caches;
          return run(std::move(*Options));
        });
  std::optional<DriverOptions> Options = parseCommandLine(Argc, Argv);
  if (!Options)
    return ToolError;
  return run(std::move(*Options));
}

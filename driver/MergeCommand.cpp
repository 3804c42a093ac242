//===--- MergeCommand.cpp -------------------------------------------------===//
//
// The shards' files are replayed, in the whole run's order, through the
// reporter a run uses: it drops a header's finding that an earlier file
// reported, whichever shard saw it, and writes the same bytes a single run
// writes. Complete runs of different files (a Bazel aspect's actions, each a
// run of one shard) are joined too, their files in path order. The parts'
// summaries are joined the same way, into the index a single run writes.
//
//===----------------------------------------------------------------------===//

#include "MergeCommand.h"
#include "CrossFilePass.h"
#include "ExitStatus.h"
#include "ParseArguments.h"
#include "RunReporter.h"
#include "ShardReport.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"

using namespace clang::tidy;
using namespace llvm;

namespace async_tidy {

static constexpr StringLiteral Tool = "async-tidy merge";

namespace {

Error mergeError(const Twine &Message) {
  return createStringError(inconvertibleErrorCode(), Message);
}

/// Which report analyzed each file of the run, and as which of its files.
struct Owner {
  ShardReport *Report = nullptr;
  size_t File = 0;
};

/// The files of the merged report, in its order, and who analyzed each.
struct MergedRun {
  std::vector<std::string> Files;
  std::vector<Owner> Owners;
};

/// The reports grouped by run (shard count and list of files), in the order
/// of each run's first report.
std::vector<std::vector<ShardReport *>>
groupByRun(std::vector<ShardReport> &Reports) {
  std::vector<std::vector<ShardReport *>> Runs;
  for (ShardReport &Report : Reports) {
    auto Same = llvm::find_if(Runs, [&](const std::vector<ShardReport *> &Run) {
      return Run.front()->Plan.Count == Report.Plan.Count &&
             Run.front()->Plan.Files == Report.Plan.Files;
    });
    if (Same == Runs.end())
      Runs.push_back({&Report});
    else
      Same->push_back(&Report);
  }
  return Runs;
}

/// Checks that \p Run has each of its shards once; \p Other is a report of
/// another run, when the merge has several.
Error checkShards(ArrayRef<ShardReport *> Run, const ShardReport *Other) {
  const ShardReport &First = *Run.front();
  std::vector<const ShardReport *> ByIndex(First.Plan.Count);
  for (const ShardReport *Report : Run) {
    const ShardReport *&Seen = ByIndex[Report->Plan.Index - 1];
    if (Seen)
      return mergeError("'" + Seen->Path + "' and '" + Report->Path +
                        "' are both shard " + Twine(Report->Plan.Index) + "/" +
                        Twine(Report->Plan.Count));
    Seen = Report;
  }
  for (size_t I = 0; I < ByIndex.size(); ++I) {
    if (ByIndex[I])
      continue;
    std::string Missing =
        ("shard " + Twine(I + 1) + "/" + Twine(First.Plan.Count)).str();
    if (!Other)
      return mergeError(Missing + " is missing");
    return mergeError("'" + Other->Path + "' and '" + First.Path +
                      "' are shards of different runs: their shard counts "
                      "or lists of files differ, and " +
                      Missing + " of '" + First.Path +
                      "''s run is missing (the reports of several runs are "
                      "merged only when each run is complete)");
  }
  return Error::success();
}

/// The files of several runs, which must not share one, in path order
/// (whatever the order of the reports).
Expected<std::vector<std::string>>
filesOfRuns(ArrayRef<std::vector<ShardReport *>> Runs) {
  StringMap<const ShardReport *> RunOf;
  std::vector<std::string> Files;
  for (const std::vector<ShardReport *> &Run : Runs)
    for (const std::string &File : Run.front()->Plan.Files) {
      auto [It, New] = RunOf.try_emplace(File, Run.front());
      if (!New)
        return mergeError("'" + File + "' is in two runs, '" +
                          It->second->Path + "' and '" + Run.front()->Path +
                          "': the reports of several runs are merged only "
                          "when no file is in two of them");
      Files.push_back(File);
    }
  llvm::sort(Files);
  return Files;
}

/// Checks that the reports are the shards of one run, each once and none
/// missing, or of several complete runs of different files (one report per
/// Bazel action, say, each a run of one shard); that every file was
/// analyzed by exactly one of them; and says which.
Expected<MergedRun> mergeRuns(std::vector<ShardReport> &Reports) {
  const ShardReport &First = Reports.front();
  for (const ShardReport &Report : Reports) {
    if ((Report.Format == "summaries") != (First.Format == "summaries"))
      return mergeError("cannot merge '" + Report.Path + "' (" + Report.Format +
                        ") with '" + First.Path + "' (" + First.Format +
                        "): merge joins either the parts' reports or their "
                        "summaries (--write-summary-index), not both");
    if (Report.Format != First.Format)
      return mergeError("cannot merge '" + Report.Path + "' (" + Report.Format +
                        ") with '" + First.Path + "' (" + First.Format +
                        "): the reports must have one format");
  }
  std::vector<std::vector<ShardReport *>> Runs = groupByRun(Reports);
  for (size_t I = 0; I < Runs.size(); ++I) {
    const ShardReport *Other =
        Runs.size() == 1 ? nullptr : Runs[I == 0 ? 1 : 0].front();
    if (Error E = checkShards(Runs[I], Other))
      return std::move(E);
  }

  MergedRun Merged;
  if (Runs.size() == 1) {
    Merged.Files = First.Plan.Files;
  } else {
    Expected<std::vector<std::string>> Files = filesOfRuns(Runs);
    if (!Files)
      return Files.takeError();
    Merged.Files = std::move(*Files);
  }
  StringMap<size_t> PositionOf;
  for (size_t Position = 0; Position < Merged.Files.size(); ++Position)
    PositionOf[Merged.Files[Position]] = Position;

  // Shards given different --shard-costs would split differently: a file
  // would then be reported twice, or not at all.
  Merged.Owners.resize(Merged.Files.size());
  for (ShardReport &Report : Reports)
    for (size_t I = 0; I < Report.Plan.Positions.size(); ++I) {
      const std::string &File = Report.Plan.Files[Report.Plan.Positions[I]];
      Owner &Of = Merged.Owners[PositionOf[File]];
      if (Of.Report)
        return mergeError("'" + File + "' was analyzed by two shards, '" +
                          Of.Report->Path + "' and '" + Report.Path +
                          "': the shards split the files differently (were "
                          "they given different --shard-costs?)");
      Of = {&Report, I};
    }
  for (size_t Position = 0; Position < Merged.Owners.size(); ++Position)
    if (!Merged.Owners[Position].Report)
      return mergeError("'" + Merged.Files[Position] +
                        "' was analyzed by no shard: the shards split the "
                        "files differently (were they given different "
                        "--shard-costs?)");
  return std::move(Merged);
}

/// Joins the parts' summaries into the index a single run writes with
/// --write-summary-index: the summaries in the run's order.
int mergeSummaries(const std::vector<Owner> &Owners, StringRef OutputFile,
                   bool Quiet) {
  std::vector<const json::Value *> Summaries;
  for (const Owner &Of : Owners) {
    const std::optional<WorkerResult> &Result =
        Of.Report->Outcomes[Of.File].Result;
    if (Result && Result->Summary)
      Summaries.push_back(&*Result->Summary);
  }
  clang::tidy::async::model::ProjectIndex Index =
      clang::tidy::async::model::ProjectIndex::build(Summaries,
                                                     MaxCrossFileSteps);
  if (Error E = writeSummaryIndex(OutputFile, Index))
    return fail("cannot write the summary index '" + OutputFile +
                    "': " + toString(std::move(E)),
                Tool);
  if (!Quiet)
    errs() << "async-tidy merge: the summaries of " << Owners.size()
           << (Owners.size() == 1 ? " file" : " files")
           << " joined into the summary index '" << OutputFile << "'\n";
  return Clean;
}

} // namespace

int runMerge(int Argc, const char **Argv) {
  static cl::SubCommand Merge(
      "merge", "Join the json or sarif reports, or the summaries, of a run's "
               "shards");
  static cl::OptionCategory Category("async-tidy merge options");
  static cl::list<std::string> ReportPaths(cl::Positional,
                                           cl::desc("<report> ... | "
                                                    "<summaries> ..."),
                                           cl::sub(Merge), cl::cat(Category));
  static cl::opt<std::string> Format(
      "format",
      cl::desc("Output format: text, json or sarif (default: the reports')"),
      cl::sub(Merge), cl::cat(Category));
  static cl::opt<std::string> OutputFile(
      "output",
      cl::desc("Write the merged report to this file; of summaries, the "
               "summary index (--summary-index reads it)"),
      cl::value_desc("file"), cl::sub(Merge), cl::cat(Category));
  static cl::opt<std::string> SarifRoot(
      "sarif-root",
      cl::desc("SARIF locations are relative to this folder (default: as in "
               "async-tidy)"),
      cl::value_desc("dir"), cl::sub(Merge), cl::cat(Category));
  static cl::opt<std::string> WriteCosts(
      "write-costs",
      cl::desc("Write each file's analysis time, for --shard-costs"),
      cl::value_desc("file"), cl::sub(Merge), cl::cat(Category));
  static cl::opt<bool> Quiet("quiet", cl::desc("No summary line"),
                             cl::sub(Merge), cl::cat(Category));

  std::vector<const char *> Args{"async-tidy", "merge"};
  Args.insert(Args.end(), Argv + 1, Argv + Argc);
  cl::HideUnrelatedOptions(Category, Merge);
  if (!parseArguments(static_cast<int>(Args.size()), Args.data(),
                      "async-tidy merge: joins the json or sarif reports of "
                      "the shards of one run (--shard=K/N) into the report "
                      "the whole run writes, or those of complete runs of "
                      "different files (each a --shard=1/1 run, say) into "
                      "one report; or the parts' summaries (--shard with "
                      "--write-summary-index) into the summary index the "
                      "whole run writes, which every part is then given "
                      "with --summary-index.\n",
                      Tool))
    return ToolError;
  if (ReportPaths.empty())
    return fail("no reports to merge", Tool);

  std::vector<ShardReport> Reports;
  for (const std::string &Path : ReportPaths) {
    Expected<ShardReport> Report = readShardReport(Path);
    if (!Report)
      return fail(toString(Report.takeError()), Tool);
    Reports.push_back(std::move(*Report));
  }
  Expected<MergedRun> Merged = mergeRuns(Reports);
  if (!Merged)
    return fail(toString(Merged.takeError()), Tool);

  if (Reports.front().Format == "summaries") {
    if (!Format.empty() || !SarifRoot.empty() || !WriteCosts.empty() ||
        OutputFile.empty())
      return fail("merging summaries writes the summary index to --output; "
                  "--format, --sarif-root and --write-costs are for reports",
                  Tool);
    return mergeSummaries(Merged->Owners, OutputFile, Quiet);
  }

  // Positions and fingerprints are read from the sources, as the run did.
  const std::vector<std::string> &Files = Merged->Files;
  const std::vector<Owner> &Owners = Merged->Owners;
  for (const std::string &File : Files)
    if (!sys::fs::exists(File))
      return fail("'" + File +
                      "' does not exist: merge reads the analyzed files to "
                      "place the findings; run it in a checkout of the "
                      "analyzed commit at the shards' path",
                  Tool);

  ReportSettings Settings;
  Settings.Format = Format.empty() ? Reports.front().Format : Format;
  if (Settings.Format != "text" && Settings.Format != "json" &&
      Settings.Format != "sarif")
    return fail("unknown --format '" + Settings.Format +
                    "' (supported: text, json, sarif)",
                Tool);
  if (Settings.Format == "text" && !OutputFile.empty())
    return fail("--output works with --format json or sarif", Tool);
  Settings.OutputFile = OutputFile;
  Settings.SarifRoot = SarifRoot;
  Settings.Quiet = Quiet;

  if (!WriteCosts.empty()) {
    ShardCosts Costs;
    for (size_t Position = 0; Position < Files.size(); ++Position)
      Costs[Files[Position]] =
          Owners[Position].Report->CostsMs[Owners[Position].File];
    if (Error E = writeShardCosts(WriteCosts, Costs))
      return fail(
          "cannot write '" + WriteCosts + "': " + toString(std::move(E)), Tool);
  }

  // The text output reads the sources, as a run's does; the shards already
  // applied each file's configuration.
  ClangTidyContext PrintContext(std::make_unique<DefaultOptionsProvider>(
      ClangTidyGlobalOptions(), ClangTidyOptions::getDefaults()));
  RunReporter Reporter(std::move(Settings), Files,
                       FindingFilter({}, std::nullopt,
                                     /*KeepForBaseline=*/false),
                       PrintContext, vfs::getRealFileSystem());
  for (size_t Position = 0; Position < Files.size(); ++Position) {
    const Owner &Of = Owners[Position];
    Reporter.done(Position, std::move(Of.Report->Outcomes[Of.File]));
  }
  return Reporter.finish();
}

} // namespace async_tidy

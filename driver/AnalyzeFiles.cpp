//===--- AnalyzeFiles.cpp -------------------------------------------------===//

#include "AnalyzeFiles.h"
#include "CrossFilePass.h"
#include "OptionsProvider.h"
#include "RunReporter.h"
#include "WorkerPool.h"
#include "clang-tidy/ClangTidy.h"
#include "llvm/Support/CrashRecoveryContext.h"
#include "llvm/Support/FileUtilities.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/WithColor.h"

using namespace clang;
using namespace clang::tidy;
using namespace llvm;
namespace model = clang::tidy::async::model;

namespace async_tidy {

namespace {

std::string commandText(const tooling::CompilationDatabase &Database,
                        StringRef File) {
  std::string Text;
  for (const tooling::CompileCommand &Command :
       Database.getCompileCommands(File)) {
    Text += Command.Directory + '\0';
    for (const std::string &Arg : Command.CommandLine)
      Text += Arg + '\0';
  }
  return Text;
}

/// One file in this process, which spares starting one; a crash is still
/// caught and reported as this file's failure.
AnalysisOutcome analyzeHere(const DriverOptions &Options,
                            const tooling::CompilationDatabase &Database,
                            std::unique_ptr<ClangTidyOptionsProvider> Provider,
                            IntrusiveRefCntPtr<vfs::FileSystem> BaseFS,
                            const std::string &File) {
  AnalysisOutcome Outcome;
  AnalysisRequest Request = Options.Analysis;
  Request.File = File;
  CrashRecoveryContext::Enable();
  CrashRecoveryContext Recovery;
  auto Start = std::chrono::steady_clock::now();
  if (!Recovery.RunSafely([&] {
        runTestHooks(Options.Hooks, Request.File);
        Outcome.Result =
            analyze(Database, std::move(Provider), BaseFS, Request);
      }))
    Outcome.Failure = "the analysis crashed";
  Outcome.CostMs = AnalysisOutcome::millisecondsSince(Start);
  return Outcome;
}

/// Writes the index a run joined to \p Path, or to a temporary file that
/// \p Remove deletes when \p Path is empty; returns the file's path.
Expected<std::string> writeRunIndex(std::string Path,
                                    const model::ProjectIndex &Index,
                                    std::optional<FileRemover> &Remove) {
  if (Path.empty()) {
    SmallString<128> Temporary;
    if (std::error_code EC =
            sys::fs::createTemporaryFile("async-tidy-index", "json", Temporary))
      return createStringError(
          EC, "cannot create a file for the summary index: " + EC.message());
    Path = std::string(Temporary);
    Remove.emplace(Path);
  }
  if (Error E = writeSummaryIndex(Path, Index))
    return createStringError(inconvertibleErrorCode(),
                             "cannot write the summary index '" + Path +
                                 "': " + toString(std::move(E)));
  return Path;
}

/// The end of a part's first pass (--shard with --write-summary-index).
int writeSummariesOfShard(
    const DriverOptions &Options, const ShardPlan &Shard,
    const std::vector<std::optional<AnalysisOutcome>> &Outcomes) {
  const std::string &Path = Options.WriteSummaryIndex;
  if (Error E = writeShardSummaries(Path, Shard, Outcomes))
    return fail("cannot write the summaries '" + Path +
                "': " + toString(std::move(E)));
  if (!Options.Report.Quiet)
    errs() << "async-tidy: the summaries of " << Outcomes.size()
           << (Outcomes.size() == 1 ? " file" : " files") << " written to '"
           << Path << "'; merge the parts' with `async-tidy merge`\n";
  return Clean;
}

} // namespace

int analyzeFiles(const DriverOptions &Options, RunPlan &Plan,
                 std::unique_ptr<ClangTidyOptionsProvider> Provider,
                 const IntrusiveRefCntPtr<vfs::FileSystem> &BaseFS) {
  // Each file is analyzed on its own (a worker process, or this process for
  // a single file), so that compile errors, crashes and time limits are
  // charged to the file that caused them.
  const std::vector<std::string> &Paths = Plan.Files;
  ClangTidyContext PrintContext(std::move(Provider));
  ReportSettings Settings = Options.Report;
  // A part's first pass alone reports nothing: no status line to clear.
  Settings.ShowProgress =
      !Settings.Quiet && Paths.size() > 1 &&
      !(Settings.Shard && !Options.WriteSummaryIndex.empty()) &&
      sys::Process::StandardErrIsDisplayed();
  RunReporter Reporter(std::move(Settings), Paths,
                       FindingFilter(std::move(Plan.Known),
                                     std::move(Plan.Changed),
                                     !Options.Report.WriteBaseline.empty()),
                       PrintContext, BaseFS);
  std::optional<ResultCache> &Cache = Plan.Cache;
  // An index given on the command line judges every file in one pass. With
  // a cache, a result is kept as a second pass's is, under what the index
  // says about the file's calls: a result of a run without the index (a
  // part's first stage) serves the files it says nothing to. An index that
  // cannot be read is the checks' configuration error, in every file.
  std::shared_ptr<const model::ProjectIndex> GivenIndex;
  if (Cache && Options.CrossFile && !Options.SummaryIndex.empty()) {
    auto Loaded = model::ProjectIndex::load(Options.SummaryIndex);
    if (Loaded)
      GivenIndex = std::move(*Loaded);
    else
      consumeError(Loaded.takeError());
  }
  // Following calls across files needs every file's summary before any
  // file's findings are final (CrossFilePass.h).
  bool CrossFile = Options.CrossFile &&
                   (GivenIndex ||
                    (Options.SummaryIndex.empty() &&
                     (Paths.size() > 1 || !Options.WriteSummaryIndex.empty())));
  std::vector<std::optional<AnalysisOutcome>> Outcomes(Paths.size());
  // Judged with the given index in the first pass already.
  std::vector<bool> Judged(Paths.size());

  std::vector<std::string> Configurations(Paths.size());
  std::vector<std::string> CacheKeys(Paths.size());
  std::vector<size_t> ToAnalyze;
  for (size_t I = 0; I < Paths.size(); ++I) {
    if (std::optional<std::string> Why = whyUnreadable(*BaseFS, Paths[I])) {
      Reporter.done(I, AnalysisOutcome::failure(*Why));
      continue;
    }
    if (Cache) {
      ClangTidyOptions FileOptions = PrintContext.getOptionsForFile(Paths[I]);
      // What the index says enters the key file by file.
      if (GivenIndex)
        FileOptions.CheckOptions.erase(SummaryIndexOption);
      Configurations[I] = configurationAsText(FileOptions) +
                          (Options.Analysis.FixesFromNotes ? "fix-notes" : "") +
                          Options.LineFilter;
      CacheKeys[I] = Cache->key(Paths[I], Configurations[I],
                                commandText(*Plan.Database, Paths[I]));
      std::optional<AnalysisOutcome> Hit = Cache->lookup(CacheKeys[I]);
      if (Hit && Hit->Result && (!CrossFile || Hit->Result->Summary)) {
        if (CrossFile) {
          Reporter.analyzed(I);
          Outcomes[I] = std::move(Hit);
        } else {
          Reporter.done(I, std::move(*Hit));
        }
        continue;
      }
    }
    ToAnalyze.push_back(I);
  }

  unsigned Workers = Options.Jobs
                         ? Options.Jobs
                         : llvm::hardware_concurrency().compute_thread_count();
  // Analyzes the files of Indexes in the worker pool with Args.
  auto RunPool = [&](const std::vector<size_t> &Indexes,
                     std::vector<std::string> Args, auto OnDone) {
    std::vector<std::string> Batch;
    Batch.reserve(Indexes.size());
    for (size_t Index : Indexes)
      Batch.push_back(Paths[Index]);
    WorkerPool Pool(Options.Executable, std::move(Args), Workers,
                    {Options.Timeout, Options.WorkerMemoryLimit});
    Pool.run(
        Batch,
        [&](size_t BatchIndex, AnalysisOutcome Outcome) {
          OnDone(Indexes[BatchIndex], std::move(Outcome));
        },
        [&](ArrayRef<size_t> Running) {
          std::vector<size_t> Files;
          for (size_t Index : Running)
            Files.push_back(Indexes[Index]);
          Reporter.running(Files);
        });
  };
  auto Store = [&](const std::string &Key, const AnalysisOutcome &Outcome) {
    if (Cache && Outcome.Result && !Outcome.Result->Failed)
      if (Error E = Cache->store(Key, *Outcome.Result, Outcome.CostMs,
                                 Reporter.lines()))
        WithColor::warning(errs(), "async-tidy")
            << "result cache: " << toString(std::move(E)) << "\n";
  };
  // The key of a result judged with what the index says, as Inputs.
  auto CrossFileKey = [&](size_t Index, const std::string &Inputs) {
    return Cache->key(Paths[Index], Configurations[Index] + '\0' + Inputs,
                      commandText(*Plan.Database, Paths[Index]));
  };
  auto Analyzed = [&](size_t Index, AnalysisOutcome Outcome) {
    std::string Inputs;
    if (GivenIndex && Outcome.Result && Outcome.Result->Summary)
      Inputs = crossFileInputs(*Outcome.Result->Summary, *GivenIndex);
    Store(Inputs.empty() ? CacheKeys[Index] : CrossFileKey(Index, Inputs),
          Outcome);
    Judged[Index] = GivenIndex != nullptr;
    if (!CrossFile)
      return Reporter.done(Index, std::move(Outcome));
    Reporter.analyzed(Index);
    Outcomes[Index] = std::move(Outcome);
  };

  if (ToAnalyze.size() == 1 && !Options.Timeout && !CrossFile) {
    auto FileProvider = makeOptionsProvider(Options, BaseFS);
    if (!FileProvider)
      return fail(toString(FileProvider.takeError()));
    size_t Index = ToAnalyze.front();
    Analyzed(Index,
             analyzeHere(Options, *Plan.Database, std::move(*FileProvider),
                         BaseFS, Paths[Index]));
  } else if (!ToAnalyze.empty()) {
    RunPool(ToAnalyze,
            CrossFile ? withFlag(Options.WorkerArguments, "--record-summary")
                      : Options.WorkerArguments,
            Analyzed);
  }
  if (!CrossFile)
    return Reporter.finish();
  // A part's own pass follows calls into its own files only: it keeps the
  // summaries for the merge, and reports with the merged index.
  if (const std::optional<ShardPlan> &Shard = Options.Report.Shard;
      Shard && !Options.WriteSummaryIndex.empty())
    return writeSummariesOfShard(Options, *Shard, Outcomes);

  model::ProjectIndex Joined;
  const model::ProjectIndex &Index = GivenIndex ? *GivenIndex : Joined;
  // The second pass's workers read the index from a file, which those of a
  // given index are already told.
  std::vector<std::string> SecondPassArguments = Options.WorkerArguments;
  std::optional<FileRemover> RemoveIndex;
  if (!GivenIndex) {
    Joined = joinSummaries(Outcomes);
    Expected<std::string> IndexPath =
        writeRunIndex(Options.WriteSummaryIndex, Joined, RemoveIndex);
    if (!IndexPath)
      return fail(toString(IndexPath.takeError()));
    SecondPassArguments = withFlag(std::move(SecondPassArguments),
                                   "--summary-index=" + *IndexPath);
  }

  std::vector<size_t> ToJudge;
  for (size_t I = 0; I < Paths.size(); ++I) {
    std::optional<AnalysisOutcome> &Outcome = Outcomes[I];
    if (Judged[I])
      continue;
    if (!Outcome || !Outcome->Result || Outcome->Result->Failed ||
        !Outcome->Result->Summary)
      continue;
    std::string Inputs = crossFileInputs(*Outcome->Result->Summary, Index);
    if (Inputs.empty())
      continue;
    if (Cache) {
      CacheKeys[I] = CrossFileKey(I, Inputs);
      if (std::optional<AnalysisOutcome> Hit = Cache->lookup(CacheKeys[I])) {
        Outcome->Result = std::move(Hit->Result);
        Outcome->CostMs += Hit->CostMs;
        continue;
      }
    }
    ToJudge.push_back(I);
  }
  if (!ToJudge.empty())
    RunPool(ToJudge, std::move(SecondPassArguments),
            [&](size_t Index, AnalysisOutcome Outcome) {
              Store(CacheKeys[Index], Outcome);
              // A file costs both its passes.
              if (const std::optional<AnalysisOutcome> &First = Outcomes[Index])
                Outcome.CostMs += First->CostMs;
              Outcomes[Index] = std::move(Outcome);
            });
  for (size_t I = 0; I < Paths.size(); ++I)
    if (std::optional<AnalysisOutcome> &Outcome = Outcomes[I])
      Reporter.done(I, std::move(*Outcome));
  return Reporter.finish();
}

} // namespace async_tidy

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
  Settings.ShowProgress = !Settings.Quiet && Paths.size() > 1 &&
                          sys::Process::StandardErrIsDisplayed();
  RunReporter Reporter(std::move(Settings), Paths,
                       FindingFilter(std::move(Plan.Known),
                                     std::move(Plan.Changed),
                                     !Options.Report.WriteBaseline.empty()),
                       PrintContext, BaseFS);
  // Following calls across files needs every file's summary before any
  // file's findings are final (CrossFilePass.h).
  // An index given on the command line serves every file as it is.
  bool CrossFile = Options.CrossFile && !Options.SummaryIndexGiven &&
                   (Paths.size() > 1 || !Options.WriteSummaryIndex.empty());
  std::vector<std::optional<AnalysisOutcome>> Outcomes(Paths.size());

  std::optional<ResultCache> &Cache = Plan.Cache;
  std::vector<std::string> Configurations(Paths.size());
  std::vector<std::string> CacheKeys(Paths.size());
  std::vector<size_t> ToAnalyze;
  for (size_t I = 0; I < Paths.size(); ++I) {
    if (std::optional<std::string> Why = whyUnreadable(*BaseFS, Paths[I])) {
      Reporter.done(I, AnalysisOutcome::failure(*Why));
      continue;
    }
    if (Cache) {
      Configurations[I] =
          configurationAsText(PrintContext.getOptionsForFile(Paths[I])) +
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
  auto Analyzed = [&](size_t Index, AnalysisOutcome Outcome) {
    Store(CacheKeys[Index], Outcome);
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

  model::ProjectIndex Index = joinSummaries(Outcomes);
  // The second pass's workers read the index from a file.
  std::string IndexPath = Options.WriteSummaryIndex;
  std::optional<FileRemover> RemoveIndex;
  if (IndexPath.empty()) {
    SmallString<128> Temporary;
    if (std::error_code EC =
            sys::fs::createTemporaryFile("async-tidy-index", "json", Temporary))
      return fail("cannot create a file for the summary index: " +
                  EC.message());
    IndexPath = std::string(Temporary);
    RemoveIndex.emplace(IndexPath);
  }
  if (Error E = writeSummaryIndex(IndexPath, Index))
    return fail("cannot write the summary index '" + IndexPath +
                "': " + toString(std::move(E)));

  std::vector<std::string> CrossFileKeys(Paths.size());
  std::vector<size_t> ToJudge;
  for (size_t I = 0; I < Paths.size(); ++I) {
    std::optional<AnalysisOutcome> &Outcome = Outcomes[I];
    if (!Outcome || !Outcome->Result || Outcome->Result->Failed ||
        !Outcome->Result->Summary)
      continue;
    std::string Inputs = crossFileInputs(*Outcome->Result->Summary, Index);
    if (Inputs.empty())
      continue;
    if (Cache) {
      CrossFileKeys[I] = Cache->key(Paths[I], Configurations[I] + '\0' + Inputs,
                                    commandText(*Plan.Database, Paths[I]));
      if (std::optional<AnalysisOutcome> Hit =
              Cache->lookup(CrossFileKeys[I])) {
        Outcome->Result = std::move(Hit->Result);
        Outcome->CostMs += Hit->CostMs;
        continue;
      }
    }
    ToJudge.push_back(I);
  }
  if (!ToJudge.empty())
    RunPool(ToJudge,
            withFlag(Options.WorkerArguments, "--summary-index=" + IndexPath),
            [&](size_t Index, AnalysisOutcome Outcome) {
              Store(CrossFileKeys[Index], Outcome);
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

//===--- AnalyzeFiles.cpp -------------------------------------------------===//

#include "AnalyzeFiles.h"
#include "OptionsProvider.h"
#include "RunReporter.h"
#include "WorkerPool.h"
#include "clang-tidy/ClangTidy.h"
#include "llvm/Support/CrashRecoveryContext.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/WithColor.h"

using namespace clang;
using namespace clang::tidy;
using namespace llvm;

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

  std::optional<ResultCache> &Cache = Plan.Cache;
  std::vector<std::string> CacheKeys(Paths.size());
  std::vector<size_t> ToAnalyze;
  for (size_t I = 0; I < Paths.size(); ++I) {
    if (std::optional<std::string> Why = whyUnreadable(*BaseFS, Paths[I])) {
      Reporter.done(I, AnalysisOutcome::failure(*Why));
      continue;
    }
    if (Cache) {
      CacheKeys[I] = Cache->key(
          Paths[I],
          configurationAsText(PrintContext.getOptionsForFile(Paths[I])) +
              (Options.Analysis.FixesFromNotes ? "fix-notes" : "") +
              Options.LineFilter,
          commandText(*Plan.Database, Paths[I]));
      if (std::optional<AnalysisOutcome> Hit = Cache->lookup(CacheKeys[I])) {
        Reporter.done(I, std::move(*Hit));
        continue;
      }
    }
    ToAnalyze.push_back(I);
  }
  auto Analyzed = [&](size_t Index, AnalysisOutcome Outcome) {
    if (Cache && Outcome.Result && !Outcome.Result->Failed)
      if (Error E = Cache->store(CacheKeys[Index], *Outcome.Result,
                                 Outcome.CostMs, Reporter.lines()))
        WithColor::warning(errs(), "async-tidy")
            << "result cache: " << toString(std::move(E)) << "\n";
    Reporter.done(Index, std::move(Outcome));
  };

  if (ToAnalyze.size() == 1 && !Options.Timeout) {
    auto FileProvider = makeOptionsProvider(Options, BaseFS);
    if (!FileProvider)
      return fail(toString(FileProvider.takeError()));
    size_t Index = ToAnalyze.front();
    Analyzed(Index,
             analyzeHere(Options, *Plan.Database, std::move(*FileProvider),
                         BaseFS, Paths[Index]));
  } else if (!ToAnalyze.empty()) {
    std::vector<std::string> Batch;
    Batch.reserve(ToAnalyze.size());
    for (size_t Index : ToAnalyze)
      Batch.push_back(Paths[Index]);
    unsigned Workers =
        Options.Jobs ? Options.Jobs
                     : llvm::hardware_concurrency().compute_thread_count();
    WorkerPool Pool(Options.Executable, Options.WorkerArguments, Workers,
                    {Options.Timeout, Options.WorkerMemoryLimit});
    Pool.run(
        Batch,
        [&](size_t BatchIndex, AnalysisOutcome Outcome) {
          Analyzed(ToAnalyze[BatchIndex], std::move(Outcome));
        },
        [&](ArrayRef<size_t> Running) {
          std::vector<size_t> Indexes;
          for (size_t Index : Running)
            Indexes.push_back(ToAnalyze[Index]);
          Reporter.running(Indexes);
        });
  }
  return Reporter.finish();
}

} // namespace async_tidy

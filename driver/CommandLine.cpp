//===--- CommandLine.cpp --------------------------------------------------===//

#include "CommandLine.h"
#include "CrossFilePass.h"
#include "InfoCommands.h"
#include "ParseArguments.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include <set>

using namespace clang;
using namespace llvm;

namespace async_tidy {

cl::OptionCategory &driverOptionCategory() {
  // A function-local static: other files' options name it in their static
  // initializers, whose order across files is unspecified.
  static cl::OptionCategory Category("async-tidy options");
  return Category;
}

namespace {

cl::OptionCategory &Category = driverOptionCategory();

cl::list<std::string> SourcePaths(cl::Positional, cl::desc("[<file> ...]"),
                                  cl::cat(Category));
cl::opt<std::string> BuildPath(
    "p", cl::desc("Build directory with compile_commands.json (or the file)"),
    cl::cat(Category));
cl::opt<std::string>
    Checks("checks",
           cl::desc("Comma-separated globs of checks, added to the config's; "
                    "async-* checks are on unless a glob names them"),
           cl::init(""), cl::cat(Category));
cl::opt<std::string>
    Config("config", cl::desc("Configuration in YAML, as in .clang-tidy"),
           cl::init(""), cl::cat(Category));
cl::opt<std::string> ConfigFile("config-file",
                                cl::desc("Read the configuration from a file"),
                                cl::init(""), cl::cat(Category));
cl::opt<std::string>
    HeaderFilter("header-filter",
                 cl::desc("Regex of headers whose findings are shown"),
                 cl::init(""), cl::cat(Category));
cl::opt<bool> SystemHeaders("system-headers",
                            cl::desc("Show findings in system headers"),
                            cl::init(false), cl::cat(Category));
cl::opt<bool> Fix("fix", cl::desc("Apply suggested fixes"), cl::init(false),
                  cl::cat(Category));
cl::opt<std::string>
    ExportFixes("export-fixes",
                cl::desc("Write fixes as YAML for clang-apply-replacements"),
                cl::value_desc("file"), cl::cat(Category));
cl::list<std::string> ExtraArgs("extra-arg",
                                cl::desc("Append an argument to each command"),
                                cl::cat(Category));
cl::list<std::string>
    ExtraArgsBefore("extra-arg-before",
                    cl::desc("Prepend an argument to each command"),
                    cl::cat(Category));
cl::list<std::string>
    Include("include",
            cl::desc("Only analyze database entries matching this glob"),
            cl::cat(Category));
cl::list<std::string>
    Exclude("exclude", cl::desc("Skip database entries matching this glob"),
            cl::cat(Category));
cl::opt<std::string>
    BaselineFile("baseline",
                 cl::desc("Hide the findings recorded in this baseline"),
                 cl::value_desc("file"), cl::cat(Category));
cl::opt<std::string>
    WriteBaseline("write-baseline",
                  cl::desc("Record this run's findings as a baseline"),
                  cl::value_desc("file"), cl::cat(Category));
cl::opt<bool> ReportStale("report-stale",
                          cl::desc("List baseline entries no finding matched"),
                          cl::init(false), cl::cat(Category));
cl::opt<std::string> ChangedSince(
    "changed-since",
    cl::desc("Report only findings on lines changed since this git revision"),
    cl::value_desc("rev"), cl::cat(Category));
cl::opt<bool> Quiet("quiet", cl::desc("No summary line"), cl::init(false),
                    cl::cat(Category));
cl::opt<bool> ListChecks("list-checks", cl::desc("List the enabled checks"),
                         cl::init(false), cl::cat(Category));
cl::opt<std::string> Explain("explain",
                             cl::desc("Print the documentation of a check"),
                             cl::value_desc("check"), cl::cat(Category));
cl::opt<bool> ExplainConfig(
    "explain-config",
    cl::desc("For each enabled check, the configuration that enables it"),
    cl::init(false), cl::cat(Category));
cl::opt<bool> DumpConfig("dump-config",
                         cl::desc("Print the configuration in effect"),
                         cl::init(false), cl::cat(Category));
cl::opt<std::string> Format("format",
                            cl::desc("Output format: text, json or sarif"),
                            cl::init("text"), cl::cat(Category));
cl::opt<std::string> OutputFile("output",
                                cl::desc("Write the findings to this file"),
                                cl::value_desc("file"), cl::cat(Category));
cl::opt<std::string> SarifRoot(
    "sarif-root",
    cl::desc("SARIF locations are relative to this folder (default: the git "
             "work tree around the current folder, else the current folder)"),
    cl::value_desc("dir"), cl::cat(Category));
cl::opt<std::string> ReportRoot(
    "report-root",
    cl::desc("The json report (and a shard's report) names files under this "
             "folder relative to it, for reports written where they are not "
             "read, such as a Bazel action's execution root"),
    cl::value_desc("dir"), cl::cat(Category));
cl::opt<bool> EnableCheckProfile("enable-check-profile",
                                 cl::desc("Print the time each check takes"),
                                 cl::init(false), cl::cat(Category));

cl::opt<unsigned>
    Jobs("j",
         cl::desc("Worker processes; each analyzes one file at a time "
                  "(default: one per core)"),
         cl::init(0), cl::Prefix, cl::cat(Category));
cl::opt<unsigned>
    Timeout("timeout",
            cl::desc("Seconds one file may take before its worker is stopped "
                     "and the file reported as failed (default: no limit)"),
            cl::init(0), cl::cat(Category));
cl::opt<std::string>
    CacheDir("cache-dir",
             cl::desc("Keep results here; a file whose inputs, command and "
                      "configuration are unchanged is not analyzed again"),
             cl::value_desc("dir"), cl::cat(Category));
cl::opt<bool> CrossFile(
    "cross-file",
    cl::desc("Follow calls into the other files of a run: a first pass "
             "summarizes every file, then the files that call into others "
             "are judged with those summaries (default: true)"),
    cl::init(true), cl::cat(Category));
cl::opt<std::string> SummaryIndex(
    "summary-index",
    cl::desc("Follow calls into other files through this summary index "
             "(written by --write-summary-index), instead of the run's own"),
    cl::value_desc("file"), cl::cat(Category));
cl::opt<std::string> WriteSummaryIndex(
    "write-summary-index",
    cl::desc("Write the summary index of the run's files here; with "
             "--shard, the part's summaries, which `async-tidy merge` joins "
             "into the index (no findings are reported)"),
    cl::value_desc("file"), cl::cat(Category));
cl::opt<std::string> Shard(
    "shard",
    cl::desc("Analyze only the K-th of N parts of the files (1 <= K <= N; "
             "with --write-summary-index, then --summary-index, or with "
             "--cross-file=false); every part of the same run gets the same "
             "split, and `async-tidy merge` joins their summaries and their "
             "json or sarif reports"),
    cl::value_desc("K/N"), cl::cat(Category));
cl::opt<std::string> ShardCosts(
    "shard-costs",
    cl::desc("With --shard: balance the parts by the analysis times in this "
             "file (`async-tidy merge --write-costs` writes it); every part "
             "must be given the same file"),
    cl::value_desc("file"), cl::cat(Category));
cl::opt<bool> FailOnFindings(
    "fail-on-findings",
    cl::desc("Exit with status 1 when there are findings (default: true, "
             "but false when run under the name clang-tidy; =false exits 0, "
             "as clang-tidy does, e.g. to warn but not fail in "
             "CMAKE_CXX_CLANG_TIDY)"),
    cl::init(true), cl::cat(Category));
cl::opt<bool> FixNotes(
    "fix-notes",
    cl::desc("With --fix: a finding without a fix takes the fix of its only "
             "note that has one"),
    cl::init(false), cl::cat(Category));
cl::opt<std::string> WarningsAsErrors(
    "warnings-as-errors",
    cl::desc("Checks (globs) whose findings are errors; they fail the run "
             "even with --fail-on-findings=false"),
    cl::init(""), cl::cat(Category));
cl::opt<std::string> LineFilter(
    "line-filter",
    cl::desc("Only report findings on these lines, as clang-tidy takes it: "
             "[{\"name\":\"file.cpp\",\"lines\":[[1,3],[5,7]]}, ...]"),
    cl::init(""), cl::cat(Category));
cl::opt<std::string> ExcludeHeaderFilter(
    "exclude-header-filter",
    cl::desc("Regex of headers whose findings are not shown, even when "
             "--header-filter matches them"),
    cl::init(""), cl::cat(Category));
cl::opt<std::string> FormatStyle(
    "format-style",
    cl::desc("Reformat the code around applied fixes: a clang-format style "
             "(file, llvm, google, ...) or none"),
    cl::init(""), cl::cat(Category));
cl::opt<std::string>
    VfsOverlay("vfsoverlay",
               cl::desc("Overlay the file system described by this YAML "
                        "file, as clang's -ivfsoverlay"),
               cl::value_desc("file"), cl::cat(Category));
cl::opt<std::string> StoreCheckProfile(
    "store-check-profile",
    cl::desc("With --enable-check-profile: write each file's profile as "
             "JSON into this directory instead of printing it"),
    cl::value_desc("dir"), cl::cat(Category));
cl::opt<bool> AllowNoChecks("allow-no-checks",
                            cl::desc("Run even if no check is enabled"),
                            cl::init(false), cl::cat(Category));
cl::opt<bool> VerifyConfig(
    "verify-config",
    cl::desc("Check the configuration (files, check names) and exit"),
    cl::init(false), cl::cat(Category));
cl::opt<bool> UseColor("use-color", cl::desc("Color the text output"),
                       cl::cat(Category));
cl::opt<bool> FixErrors("fix-errors",
                        cl::desc("Apply fixes also in files with compile "
                                 "errors"),
                        cl::init(false), cl::cat(Category));

// The worker side of -j: analyze one file and write the result as JSON (the
// format is in WorkerResult.h). The language server uses it too.
cl::opt<std::string> WorkerOutput("worker-output", cl::Hidden,
                                  cl::cat(Category));
cl::opt<std::string> WorkerContents("worker-contents", cl::Hidden,
                                    cl::cat(Category));
cl::opt<bool> RecordSummary("record-summary", cl::Hidden, cl::init(false),
                            cl::cat(Category));
// A -j worker is replaced after a file that leaves more memory in use than
// this (MiB; 0: never): leaks and caches cannot grow without bound.
cl::opt<unsigned> WorkerMemoryLimit("worker-memory-limit", cl::Hidden,
                                    cl::init(2048), cl::cat(Category));

template <typename T> std::optional<T> ifGiven(const cl::opt<T> &Option) {
  if (!Option.getNumOccurrences())
    return std::nullopt;
  return Option.getValue();
}

/// A worker's arguments: this run's, without the files to analyze.
std::vector<std::string> workerArguments(int Argc, const char **Argv) {
  std::set<unsigned> Files;
  for (unsigned I = 0; I < SourcePaths.size(); ++I)
    Files.insert(SourcePaths.getPosition(I));
  std::vector<std::string> Args;
  for (int I = 0; I < Argc; ++I)
    if (!Files.count(I))
      Args.push_back(Argv[I]);
  return Args;
}

DriverOptions optionsFromFlags() {
  DriverOptions Options;
  Options.SourcePaths.assign(SourcePaths.begin(), SourcePaths.end());
  Options.Compilations.BuildPath = BuildPath;
  Options.Compilations.ExtraArgs.assign(ExtraArgs.begin(), ExtraArgs.end());
  Options.Compilations.ExtraArgsBefore.assign(ExtraArgsBefore.begin(),
                                              ExtraArgsBefore.end());
  Options.Include.assign(Include.begin(), Include.end());
  Options.Exclude.assign(Exclude.begin(), Exclude.end());

  tidy::ClangTidyOptions &Overrides = Options.Overrides;
  Overrides.Checks = ifGiven(Checks);
  Overrides.HeaderFilterRegex = ifGiven(HeaderFilter);
  Overrides.SystemHeaders = ifGiven(SystemHeaders);
  Overrides.ExcludeHeaderFilterRegex = ifGiven(ExcludeHeaderFilter);
  Overrides.FormatStyle = ifGiven(FormatStyle);
  Overrides.WarningsAsErrors = ifGiven(WarningsAsErrors);
  Overrides.UseColor = ifGiven(UseColor);
  Options.Config = Config;
  Options.ConfigFile = ConfigFile;
  Options.LineFilter = LineFilter;
  Options.VfsOverlay = VfsOverlay;

  Options.Explain = Explain;
  Options.ListChecks = ListChecks;
  Options.ExplainConfig = ExplainConfig;
  Options.DumpConfig = DumpConfig;
  Options.VerifyConfig = VerifyConfig;
  Options.AllowNoChecks = AllowNoChecks;
  Options.BaselineFile = BaselineFile;
  Options.ChangedSince = ChangedSince;

  Options.Analysis.FixesFromNotes = FixNotes;
  Options.Analysis.EnableCheckProfile = EnableCheckProfile;
  Options.Analysis.StoreCheckProfile = StoreCheckProfile;
  Options.Analysis.RecordSummary = RecordSummary;
  Options.CrossFile = CrossFile;
  Options.WriteSummaryIndex = WriteSummaryIndex;
  if (!SummaryIndex.empty()) {
    SmallString<256> Path(SummaryIndex);
    // Workers run in this folder: the path as given serves them too.
    if (sys::fs::make_absolute(Path))
      Path = SummaryIndex;
    Options.SummaryIndex = std::string(Path);
    Overrides.CheckOptions[SummaryIndexOption] =
        tidy::ClangTidyOptions::ClangTidyValue(Path);
  }
  ReportSettings &Report = Options.Report;
  Report.Format = Format;
  Report.OutputFile = OutputFile;
  Report.SarifRoot = SarifRoot;
  Report.ReportRoot = ReportRoot;
  Report.WriteBaseline = WriteBaseline;
  Report.ReportStale = ReportStale;
  Report.ExportFixes = ExportFixes;
  Report.Fix = Fix;
  Report.FixErrors = FixErrors;
  Report.Quiet = Quiet;
  Report.FailOnFindings = FailOnFindings;
  Options.Jobs = Jobs;
  Options.Timeout = Timeout;
  Options.CacheDir = CacheDir;
  Options.ShardCosts = ShardCosts;

  Options.WorkerOutput = WorkerOutput;
  Options.WorkerContents = WorkerContents;
  Options.WorkerMemoryLimit = WorkerMemoryLimit;
  Options.Hooks = testHooksFromFlags();
  return Options;
}

} // namespace

std::optional<DriverOptions> parseCommandLine(int Argc, const char **Argv) {
  int OriginalArgc = Argc;
  // Installed or linked under clang-tidy's name, for an editor or build
  // tool that only knows clang-tidy, findings exit 0 as clang-tidy's do.
  if (sys::path::stem(Argv[0]).starts_with("clang-tidy"))
    FailOnFindings.setInitialValue(false);
  std::string FixedError;
  std::unique_ptr<tooling::CompilationDatabase> Fixed =
      tooling::FixedCompilationDatabase::loadFromCommandLine(Argc, Argv,
                                                             FixedError);
  cl::HideUnrelatedOptions(Category);
  cl::SetVersionPrinter(printVersion);
  if (!parseArguments(Argc, Argv, UsageOverview, "async-tidy"))
    return std::nullopt;
  // The flags after "--" may be a whole compile command (CMake passes one,
  // compiler and -o included); the driver complains about it, yet gives the
  // flags, as clang-tidy relies on.
  if (!Fixed && !FixedError.empty()) {
    fail(FixedError);
    return std::nullopt;
  }
  DriverOptions Options = optionsFromFlags();
  // A worker of the second pass inherits the run's --write-summary-index.
  if (!Options.SummaryIndex.empty() && !Options.WriteSummaryIndex.empty() &&
      !Options.isWorker()) {
    fail("--summary-index and --write-summary-index exclude each other");
    return std::nullopt;
  }
  if (Shard.getNumOccurrences()) {
    Expected<ShardPlan> Parsed = parseShard(Shard);
    if (!Parsed) {
      fail(toString(Parsed.takeError()));
      return std::nullopt;
    }
    Options.Report.Shard = std::move(*Parsed);
  }
  Options.Compilations.Fixed = std::move(Fixed);
  Options.Executable =
      sys::fs::getMainExecutable(Argv[0], reinterpret_cast<void *>(&fail));
  Options.WorkerArguments = workerArguments(OriginalArgc, Argv);
  return Options;
}

} // namespace async_tidy

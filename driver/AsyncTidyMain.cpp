//===--- AsyncTidyMain.cpp - The async-tidy command -----------------------===//
//
// A clang-tidy compatible command line that runs the async-* checks by
// default. Exit status: 0 no findings, 1 findings, 2 usage or tool error
// (including a translation unit that does not parse).
//
//===----------------------------------------------------------------------===//

#include "Analysis.h"
#include "Baseline.h"
#include "ChangedLines.h"
#include "CheckSelection.h"
#include "Compilations.h"
#include "ConfigFiles.h"
#include "ResultCache.h"
#include "RunReporter.h"
#include "TidyCompat.h"
#include "WorkerPool.h"
#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang-tidy/ClangTidyForceLinker.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "clang-tidy/GlobList.h"
#include "lsp/LanguageServer.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/CrashRecoveryContext.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/GlobPattern.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"
#include <set>
#include <thread>

using namespace clang;
using namespace clang::tidy;
using namespace llvm;
using async_tidy::Clean;
using async_tidy::fail;

namespace {

cl::OptionCategory Category("async-tidy options");

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
// Test hooks for crash isolation: a worker whose file path contains the
// text aborts, or never finishes.
cl::opt<std::string> WorkerCrashOn("worker-crash-on", cl::Hidden,
                                   cl::cat(Category));
cl::opt<std::string> WorkerHangOn("worker-hang-on", cl::Hidden,
                                  cl::cat(Category));

/// The options provider for this run: defaults, then .clang-tidy files (or
/// --config / --config-file), then the command line.
Expected<std::unique_ptr<ClangTidyOptionsProvider>>
makeOptionsProvider(IntrusiveRefCntPtr<vfs::FileSystem> FS) {
  ClangTidyGlobalOptions Global;
  if (std::error_code EC = parseLineFilter(LineFilter, Global))
    return createStringError(EC, "invalid --line-filter: " + EC.message());
  ClangTidyOptions Defaults = ClangTidyOptions::getDefaults();
  Defaults.Checks = async_tidy::DefaultChecks;
  Defaults.HeaderFilterRegex = "";
  Defaults.SystemHeaders = false;

  ClangTidyOptions Overrides;
  if (Checks.getNumOccurrences())
    Overrides.Checks = Checks;
  if (HeaderFilter.getNumOccurrences())
    Overrides.HeaderFilterRegex = HeaderFilter;
  if (SystemHeaders.getNumOccurrences())
    Overrides.SystemHeaders = SystemHeaders;
  if (ExcludeHeaderFilter.getNumOccurrences())
    Overrides.ExcludeHeaderFilterRegex = ExcludeHeaderFilter;
  if (FormatStyle.getNumOccurrences())
    Overrides.FormatStyle = FormatStyle;
  if (WarningsAsErrors.getNumOccurrences())
    Overrides.WarningsAsErrors = WarningsAsErrors;
  if (UseColor.getNumOccurrences())
    Overrides.UseColor = UseColor;

  std::string ConfigText = Config;
  std::string ConfigSource = "--config";
  if (!ConfigFile.empty()) {
    if (!Config.empty())
      return createStringError(inconvertibleErrorCode(),
                               "--config and --config-file exclude each other");
    auto Buffer = MemoryBuffer::getFile(ConfigFile);
    if (!Buffer)
      return createStringError(Buffer.getError(),
                               "cannot read config file '" + ConfigFile +
                                   "': " + Buffer.getError().message());
    ConfigText = (*Buffer)->getBuffer().str();
    ConfigSource = ConfigFile;
  }

  std::unique_ptr<ClangTidyOptionsProvider> Provider;
  if (!ConfigText.empty()) {
    auto Parsed = async_tidy::parseConfigText(ConfigText, ConfigSource);
    if (!Parsed)
      return Parsed.takeError();
    Provider = std::make_unique<ConfigOptionsProvider>(
        std::move(Global), std::move(Defaults), std::move(*Parsed),
        std::move(Overrides), std::move(FS));
  } else {
    Provider = std::make_unique<FileOptionsProvider>(
        std::move(Global), std::move(Defaults), std::move(Overrides),
        std::move(FS));
  }
  return async_tidy::withAsyncChecksOn(std::move(Provider));
}

int explainCheck(StringRef Name) {
  SmallString<256> Path(ASYNC_TIDY_DOCS_DIR);
  sys::path::append(Path, Name + ".md");
  auto Buffer = MemoryBuffer::getFile(Path);
  if (!Buffer)
    return fail("no documentation for check '" + Name + "'");
  outs() << (*Buffer)->getBuffer();
  return Clean;
}

/// The files to analyze: the ones named, or every database entry that the
/// --include/--exclude globs let through.
Expected<std::vector<std::string>>
selectFiles(const tooling::CompilationDatabase &Database) {
  std::vector<std::string> Files;
  if (!SourcePaths.empty()) {
    for (const std::string &Path : SourcePaths) {
      SmallString<256> Absolute(Path);
      if (std::error_code EC = sys::fs::make_absolute(Absolute))
        return createStringError(EC, "cannot resolve '" + Path +
                                         "': " + EC.message());
      Files.push_back(std::string(Absolute));
    }
    return Files;
  }
  std::vector<GlobPattern> Includes, Excludes;
  for (auto [Globs, Patterns] : {std::make_pair(&Include, &Includes),
                                 std::make_pair(&Exclude, &Excludes)})
    for (const std::string &Glob : *Globs) {
      Expected<GlobPattern> Pattern = GlobPattern::create(Glob);
      if (!Pattern)
        return Pattern.takeError();
      Patterns->push_back(std::move(*Pattern));
    }
  auto MatchesAny = [](const std::vector<GlobPattern> &Patterns, StringRef F) {
    return llvm::any_of(Patterns,
                        [F](const GlobPattern &P) { return P.match(F); });
  };
  std::set<std::string> Unique;
  for (const std::string &File : Database.getAllFiles())
    if ((Includes.empty() || MatchesAny(Includes, File)) &&
        !MatchesAny(Excludes, File))
      Unique.insert(File);
  return std::vector<std::string>(Unique.begin(), Unique.end());
}

/// Test hooks of crash isolation (--worker-crash-on, --worker-hang-on).
void runTestHooks(StringRef File) {
  if (!WorkerCrashOn.empty() && File.contains(WorkerCrashOn))
    abort();
  if (!WorkerHangOn.empty() && File.contains(WorkerHangOn))
    for (;;)
      std::this_thread::sleep_for(std::chrono::hours(1));
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

/// What identifies this build of the tool in cache keys.
std::string toolIdentity(const char *Argv0) {
  std::string Executable =
      sys::fs::getMainExecutable(Argv0, reinterpret_cast<void *>(&fail));
  return "async-tidy " ASYNC_TIDY_VERSION " LLVM " LLVM_VERSION_STRING " " +
         async_tidy::ResultCache::hashFile(Executable);
}

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

async_tidy::AnalysisRequest requestFor(StringRef File) {
  async_tidy::AnalysisRequest Request;
  Request.File = File.str();
  Request.FixesFromNotes = FixNotes;
  Request.EnableCheckProfile = EnableCheckProfile;
  Request.StoreCheckProfile = StoreCheckProfile;
  return Request;
}

/// The file system the analysis reads: the real one, under the
/// --vfsoverlay mapping when one is given.
Expected<IntrusiveRefCntPtr<vfs::OverlayFileSystem>> fileSystem() {
  auto Real = vfs::getRealFileSystem();
  auto FS = makeIntrusiveRefCnt<vfs::OverlayFileSystem>(Real);
  if (VfsOverlay.empty())
    return FS;
  auto Buffer = MemoryBuffer::getFile(VfsOverlay);
  if (!Buffer)
    return createStringError(Buffer.getError(),
                             "cannot read --vfsoverlay file '" + VfsOverlay +
                                 "': " + Buffer.getError().message());
  std::unique_ptr<vfs::FileSystem> Overlay =
      vfs::getVFSFromYAML(std::move(*Buffer), nullptr, VfsOverlay);
  if (!Overlay)
    return createStringError(inconvertibleErrorCode(),
                             "invalid --vfsoverlay file '" + VfsOverlay + "'");
  FS->pushOverlay(IntrusiveRefCntPtr<vfs::FileSystem>(Overlay.release()));
  return FS;
}

/// --worker-output: analyze the one file given and write its result.
int runWorker(const tooling::CompilationDatabase &Database,
              const IntrusiveRefCntPtr<vfs::FileSystem> &BaseFS,
              const std::string &File) {
  async_tidy::AnalysisRequest Request = requestFor(File);
  if (!WorkerContents.empty()) {
    auto Buffer = MemoryBuffer::getFile(WorkerContents);
    if (!Buffer)
      return fail("cannot read '" + WorkerContents +
                  "': " + Buffer.getError().message());
    Request.Contents = (*Buffer)->getBuffer().str();
  }
  auto Provider = makeOptionsProvider(BaseFS);
  if (!Provider)
    return fail(toString(Provider.takeError()));
  runTestHooks(File);
  async_tidy::WorkerResult Result =
      async_tidy::analyze(Database, std::move(*Provider), BaseFS, Request);
  async_tidy::LineTable Lines;
  if (Request.Contents)
    Lines.setText(File, *Request.Contents);
  if (Error E = async_tidy::writeWorkerResult(WorkerOutput, Result, Lines))
    return fail("cannot write '" + WorkerOutput +
                "': " + toString(std::move(E)));
  return Clean;
}

int run(int Argc, const char **Argv) {
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
  cl::SetVersionPrinter([](raw_ostream &OS) {
    OS << "async-tidy " ASYNC_TIDY_VERSION " (LLVM " LLVM_VERSION_STRING ")\n";
  });
  std::string ParseErrors;
  raw_string_ostream ParseErrorStream(ParseErrors);
  if (!cl::ParseCommandLineOptions(
          Argc, Argv,
          "async-tidy: finds misuse of asynchronous C++ code.\n\n"
          "  async-tidy -p build                 every file in "
          "build/compile_commands.json\n"
          "  async-tidy -p build src/a.cpp       one file\n"
          "  async-tidy a.cpp -- -std=c++20      flags given on the command "
          "line\n",
          &ParseErrorStream))
    return fail(StringRef(ParseErrors).trim());
  // The flags after "--" may be a whole compile command (CMake passes one,
  // compiler and -o included); the driver complains about it, yet gives the
  // flags, as clang-tidy relies on.
  if (!Fixed && !FixedError.empty())
    return fail(FixedError);

  if (!Explain.empty())
    return explainCheck(Explain);
  if (Format != "text" && Format != "json" && Format != "sarif")
    return fail("unknown --format '" + Format +
                "' (supported: text, json, sarif)");
  if (Format == "text" && !OutputFile.empty())
    return fail("--output works with --format json or sarif");
  if (std::string Unknown = async_tidy::findUnknownCheck(Checks);
      !Unknown.empty())
    return fail("unknown check '" + Unknown + "' in --checks");
  bool Worker = !WorkerOutput.empty();
  if (Worker && SourcePaths.size() != 1)
    return fail("--worker-output takes exactly one file");

  auto FS = fileSystem();
  if (!FS)
    return fail(toString(FS.takeError()));
  IntrusiveRefCntPtr<vfs::OverlayFileSystem> BaseFS = *FS;
  auto Provider = makeOptionsProvider(BaseFS);
  if (!Provider)
    return fail(toString(Provider.takeError()));

  std::string FirstFile = SourcePaths.empty() ? "dummy.cpp" : SourcePaths[0];
  if (VerifyConfig) {
    if (Config.empty() && ConfigFile.empty())
      if (Error E = async_tidy::checkConfigFiles({FirstFile}))
        return fail(toString(std::move(E)));
    outs() << "No config errors detected.\n";
    return Clean;
  }

  if (ListChecks || DumpConfig || ExplainConfig) {
    ClangTidyOptions Effective = (*Provider)->getOptions(FirstFile);
    if (ExplainConfig) {
      // The last source whose Checks globs decide about a check is the one
      // that enables it; sources are listed from defaults to command line.
      auto Sources = (*Provider)->getRawOptions(FirstFile);
      for (const std::string &Name : async_tidy::enabledChecks(Effective))
        for (const auto &[Options, Source] : llvm::reverse(Sources))
          if (Options.Checks && GlobList(*Options.Checks).contains(Name)) {
            outs() << "'" << Name << "' is enabled in the " << Source << ".\n";
            break;
          }
      return Clean;
    }
    if (DumpConfig) {
      ClangTidyContext Context(std::move(*Provider));
      Context.setCurrentFile(FirstFile);
      Effective.CheckOptions = async_tidy::effectiveCheckOptions(Effective);
      outs() << configurationAsText(Effective) << "\n";
      return Clean;
    }
    outs() << "Enabled checks:";
    for (const std::string &Name : async_tidy::enabledChecks(Effective))
      outs() << "\n    " << Name;
    outs() << "\n\n";
    return Clean;
  }

  // An editor's unsaved file need not exist on disk yet.
  if (!Worker || WorkerContents.empty())
    for (const std::string &Path : SourcePaths)
      if (!BaseFS->exists(Path))
        return fail("no such file: '" + Path + "'");

  async_tidy::CompilationSetup Setup;
  Setup.Fixed = std::move(Fixed);
  Setup.BuildPath = BuildPath;
  Setup.ExtraArgs.assign(ExtraArgs.begin(), ExtraArgs.end());
  Setup.ExtraArgsBefore.assign(ExtraArgsBefore.begin(), ExtraArgsBefore.end());
  auto Database = async_tidy::loadCompilations(
      std::move(Setup),
      std::vector<std::string>(SourcePaths.begin(), SourcePaths.end()));
  if (!Database)
    return fail(toString(Database.takeError()));
  auto Files = selectFiles(**Database);
  if (!Files)
    return fail(toString(Files.takeError()));
  if (Files->empty())
    return fail("no files to analyze");
  // --config and --config-file replace the .clang-tidy files.
  if (Config.empty() && ConfigFile.empty())
    if (Error E = async_tidy::checkConfigFiles(*Files))
      return fail(toString(std::move(E)));
  // Decided once for the run on its first file, as clang-tidy does; a
  // worker does not list the checks again.
  if (!Worker && !AllowNoChecks &&
      async_tidy::enabledChecks((*Provider)->getOptions(Files->front()))
          .empty())
    return fail("no checks are enabled (--allow-no-checks runs anyway)");
  if (Worker)
    return runWorker(**Database, BaseFS, Files->front());
  for (const std::string &File : *Files)
    if (!BaseFS->exists(File))
      return fail("the compilation database names '" + File +
                  "', which does not exist");

  async_tidy::Baseline Known;
  if (!BaselineFile.empty()) {
    auto Loaded = async_tidy::readBaseline(BaselineFile);
    if (!Loaded)
      return fail(toString(Loaded.takeError()));
    Known = std::move(*Loaded);
  }
  std::optional<async_tidy::ChangedLines> Changed;
  if (!ChangedSince.empty()) {
    auto Diff = async_tidy::ChangedLines::sinceRevision(ChangedSince);
    if (!Diff)
      return fail(toString(Diff.takeError()));
    Changed = std::move(*Diff);
  }
  std::optional<async_tidy::ResultCache> Cache;
  if (!CacheDir.empty() && !EnableCheckProfile) {
    auto Opened =
        async_tidy::ResultCache::open(CacheDir, toolIdentity(Argv[0]));
    if (!Opened)
      return fail(toString(Opened.takeError()));
    Cache = std::move(*Opened);
  }

  // Each file is analyzed on its own (a worker process, or this process for
  // a single file), so that compile errors, crashes and time limits are
  // charged to the file that caused them.
  const std::vector<std::string> &Paths = *Files;
  ClangTidyContext PrintContext(std::move(*Provider));
  async_tidy::ReportSettings Settings;
  Settings.Format = Format;
  Settings.OutputFile = OutputFile;
  Settings.WriteBaseline = WriteBaseline;
  Settings.ReportStale = ReportStale;
  Settings.ExportFixes = ExportFixes;
  Settings.Fix = Fix;
  Settings.FixErrors = FixErrors;
  Settings.Quiet = Quiet;
  Settings.FailOnFindings = FailOnFindings;
  Settings.ShowProgress =
      !Quiet && Paths.size() > 1 && sys::Process::StandardErrIsDisplayed();
  async_tidy::RunReporter Reporter(
      std::move(Settings), Paths,
      async_tidy::FindingFilter(std::move(Known), std::move(Changed),
                                !WriteBaseline.empty()),
      PrintContext, BaseFS);

  std::vector<std::string> CacheKeys(Paths.size());
  std::vector<size_t> ToAnalyze;
  for (size_t I = 0; I < Paths.size(); ++I) {
    if (std::optional<std::string> Why =
            async_tidy::whyUnreadable(*BaseFS, Paths[I])) {
      Reporter.done({I, std::nullopt, std::move(*Why), ""});
      continue;
    }
    if (Cache) {
      CacheKeys[I] = Cache->key(
          Paths[I],
          configurationAsText(PrintContext.getOptionsForFile(Paths[I])) +
              (FixNotes ? "fix-notes" : "") + LineFilter,
          commandText(**Database, Paths[I]));
      if (std::optional<async_tidy::WorkerResult> Hit =
              Cache->lookup(CacheKeys[I])) {
        Reporter.done({I, std::move(Hit), "", ""});
        continue;
      }
    }
    ToAnalyze.push_back(I);
  }
  auto Analyzed = [&](async_tidy::WorkerOutcome Outcome) {
    if (Cache && Outcome.Result && !Outcome.Result->Failed)
      if (Error E = Cache->store(CacheKeys[Outcome.Index], *Outcome.Result,
                                 Reporter.lines()))
        WithColor::warning(errs(), "async-tidy")
            << "result cache: " << toString(std::move(E)) << "\n";
    Reporter.done(std::move(Outcome));
  };

  if (ToAnalyze.size() == 1 && !Timeout) {
    // One file: analyze here, which spares a process; a crash is still
    // caught and reported as this file's failure.
    size_t Index = ToAnalyze.front();
    async_tidy::WorkerOutcome Outcome{Index, std::nullopt, "", ""};
    auto FileProvider = makeOptionsProvider(BaseFS);
    if (!FileProvider)
      return fail(toString(FileProvider.takeError()));
    async_tidy::AnalysisRequest Request = requestFor(Paths[Index]);
    CrashRecoveryContext::Enable();
    CrashRecoveryContext Recovery;
    if (!Recovery.RunSafely([&] {
          runTestHooks(Request.File);
          Outcome.Result = async_tidy::analyze(
              **Database, std::move(*FileProvider), BaseFS, Request);
        }))
      Outcome.Failure = "the analysis crashed";
    Analyzed(std::move(Outcome));
  } else if (!ToAnalyze.empty()) {
    std::vector<std::string> Batch;
    Batch.reserve(ToAnalyze.size());
    for (size_t Index : ToAnalyze)
      Batch.push_back(Paths[Index]);
    unsigned Workers =
        Jobs ? Jobs : llvm::hardware_concurrency().compute_thread_count();
    async_tidy::WorkerPool Pool(
        sys::fs::getMainExecutable(Argv[0], reinterpret_cast<void *>(&fail)),
        workerArguments(OriginalArgc, Argv), Workers, Timeout);
    Pool.run(Batch, [&](async_tidy::WorkerOutcome Outcome) {
      Outcome.Index = ToAnalyze[Outcome.Index];
      Analyzed(std::move(Outcome));
    });
  }
  return Reporter.finish();
}

} // namespace

int main(int Argc, const char **Argv) {
  InitLLVM X(Argc, Argv);
  if (Argc > 1 && StringRef(Argv[1]) == "lsp")
    return async_tidy::runLanguageServer(Argc - 1, Argv + 1);
  return run(Argc, Argv);
}

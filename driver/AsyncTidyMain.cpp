//===--- AsyncTidyMain.cpp - The async-tidy command -----------------------===//
//
// A clang-tidy compatible command line that runs the async-* checks by
// default. Exit status: 0 no findings, 1 findings, 2 usage or tool error
// (including a translation unit that does not parse).
//
//===----------------------------------------------------------------------===//

#include "Baseline.h"
#include "ChangedLines.h"
#include "CheckSelection.h"
#include "Compilations.h"
#include "JsonReport.h"
#include "SarifReport.h"
#include "TidyCompat.h"
#include "lsp/LanguageServer.h"
#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang-tidy/ClangTidyForceLinker.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/GlobPattern.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"
#include <set>

using namespace clang;
using namespace clang::tidy;
using namespace llvm;

namespace {

enum ExitStatus : uint8_t { Clean = 0, Findings = 1, ToolError = 2 };

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

int fail(const Twine &Message) {
  WithColor::error(errs(), "async-tidy") << Message << "\n";
  return ToolError;
}

/// The options provider for this run: defaults, then .clang-tidy files (or
/// --config / --config-file), then the command line.
Expected<std::unique_ptr<ClangTidyOptionsProvider>>
makeOptionsProvider(IntrusiveRefCntPtr<vfs::FileSystem> FS) {
  ClangTidyGlobalOptions Global;
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
    ErrorOr<ClangTidyOptions> Parsed =
        parseConfiguration(MemoryBufferRef(ConfigText, ConfigSource));
    if (!Parsed)
      return createStringError(Parsed.getError(),
                               "invalid configuration in " + ConfigSource +
                                   ": " + Parsed.getError().message());
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

int run(int Argc, const char **Argv) {
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
  if (!FixedError.empty())
    return fail(FixedError);

  if (!Explain.empty())
    return explainCheck(Explain);
  if (Format != "text" && Format != "json" && Format != "sarif")
    return fail("unknown --format '" + Format +
                "' (supported: text, json, sarif)");
  bool Json = Format != "text"; // json or sarif: one document at the end
  if (Json && Fix)
    return fail("--fix works with --format text; use --export-fixes with " +
                Format);
  if (!Json && !OutputFile.empty())
    return fail("--output works with --format json or sarif");
  if (std::string Unknown = async_tidy::findUnknownCheck(Checks);
      !Unknown.empty())
    return fail("unknown check '" + Unknown + "' in --checks");

  auto BaseFS =
      makeIntrusiveRefCnt<vfs::OverlayFileSystem>(vfs::getRealFileSystem());
  auto Provider = makeOptionsProvider(BaseFS);
  if (!Provider)
    return fail(toString(Provider.takeError()));

  std::string FirstFile = SourcePaths.empty() ? "dummy.cpp" : SourcePaths[0];
  if (ListChecks || DumpConfig) {
    ClangTidyOptions Effective = (*Provider)->getOptions(FirstFile);
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

  for (const std::string &Path : SourcePaths)
    if (!sys::fs::exists(Path))
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
  for (const std::string &File : *Files)
    if (!sys::fs::exists(File))
      return fail("the compilation database names '" + File +
                  "', which does not exist");

  // One translation unit at a time, so that compile errors are charged to
  // the file whose analysis they spoil. Each gets a fresh context: clang-tidy
  // maps diagnostic IDs to check names per run. A finding in a header that
  // several files include is reported once.
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
  async_tidy::LineTable Lines;
  std::vector<ClangTidyError> Errors;
  std::vector<ClangTidyError> AllFindings; // for --write-baseline
  std::vector<std::string> FailedFiles;
  std::set<std::string> Reported;
  unsigned Warnings = 0, Hidden = 0;
  bool BadConfig = false;
  for (const std::string &File : *Files) {
    auto FileProvider = makeOptionsProvider(BaseFS);
    if (!FileProvider)
      return fail(toString(FileProvider.takeError()));
    ClangTidyContext Context(std::move(*FileProvider));
    std::vector<ClangTidyError> FileErrors;
    bool Failed = false;
    for (ClangTidyError &Error : runClangTidy(
             Context, **Database, {File}, BaseFS, Fix, EnableCheckProfile)) {
      std::string Key = Error.DiagnosticName + "@" + Error.Message.FilePath +
                        ":" + std::to_string(Error.Message.FileOffset) + ":" +
                        Error.Message.Message;
      if (!Reported.insert(Key).second)
        continue;
      if (Error.DiagnosticName == "clang-diagnostic-error") {
        Failed = true;
      } else if (Error.DiagnosticName == "clang-tidy-config") {
        BadConfig = true;
      } else {
        if (!WriteBaseline.empty())
          AllFindings.push_back(Error);
        if (Changed) {
          SmallString<256> Path(Error.Message.FilePath);
          if (sys::fs::make_absolute(Path))
            Path = Error.Message.FilePath; // already as absolute as it gets
          sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
          unsigned Line =
              Lines.position(Error.Message.FilePath, Error.Message.FileOffset)
                  .first;
          if (!Changed->contains(Path, Line))
            continue;
        }
        auto Entry = Known.find(async_tidy::fingerprint(Error, Lines));
        if (Entry != Known.end()) {
          Entry->second.Seen = true;
          ++Hidden;
          continue;
        }
        ++Warnings;
      }
      FileErrors.push_back(std::move(Error));
    }
    if (Failed)
      FailedFiles.push_back(File);
    if (!Json) {
      unsigned WarningsAsErrors = 0;
      handleErrors(FileErrors, Context, Fix ? FB_Fix : FB_NoFix,
                   WarningsAsErrors, BaseFS);
    }
    std::move(FileErrors.begin(), FileErrors.end(), std::back_inserter(Errors));
  }

  if (!WriteBaseline.empty())
    if (Error E = async_tidy::writeBaseline(WriteBaseline, AllFindings, Lines))
      return fail("cannot write baseline '" + WriteBaseline +
                  "': " + toString(std::move(E)));
  if (ReportStale)
    for (const auto &Entry : Known)
      if (!Entry.second.Seen)
        errs() << "async-tidy: stale baseline entry: " << Entry.second.File
               << ": " << Entry.second.Message << " [" << Entry.second.Check
               << "]\n";

  if (Json) {
    std::error_code EC;
    std::unique_ptr<raw_fd_ostream> File;
    if (!OutputFile.empty()) {
      File = std::make_unique<raw_fd_ostream>(OutputFile, EC);
      if (EC)
        return fail("cannot write '" + OutputFile + "': " + EC.message());
    }
    raw_ostream &Out = File ? *File : outs();
    if (Format == "sarif")
      async_tidy::writeSarifReport(Errors, Out);
    else
      async_tidy::writeJsonReport(Errors, FailedFiles, Out);
  }

  if (!ExportFixes.empty()) {
    std::error_code EC;
    raw_fd_ostream OS(ExportFixes, EC, sys::fs::OF_None);
    if (EC)
      return fail("cannot write '" + ExportFixes + "': " + EC.message());
    exportReplacements(Files->size() == 1 ? Files->front() : "", Errors, OS);
  }

  if (!Quiet) {
    errs() << "async-tidy: " << Warnings
           << (Warnings == 1 ? " finding" : " findings") << " in "
           << Files->size() << (Files->size() == 1 ? " file" : " files");
    if (Hidden)
      errs() << "; " << Hidden << " hidden by the baseline";
    if (!FailedFiles.empty())
      errs() << "; " << FailedFiles.size()
             << (FailedFiles.size() == 1 ? " file" : " files")
             << " with compile errors";
    errs() << "\n";
  }
  for (const std::string &File : FailedFiles)
    WithColor::error(errs(), "async-tidy")
        << "'" << File << "' has compile errors; its analysis is incomplete\n";
  if (BadConfig)
    WithColor::error(errs(), "async-tidy")
        << "invalid check options; see the errors above\n";
  if (!FailedFiles.empty() || BadConfig)
    return ToolError;
  return Warnings ? Findings : Clean;
}

} // namespace

int main(int Argc, const char **Argv) {
  InitLLVM X(Argc, Argv);
  if (Argc > 1 && StringRef(Argv[1]) == "lsp")
    return async_tidy::runLanguageServer(Argc - 1, Argv + 1);
  return run(Argc, Argv);
}

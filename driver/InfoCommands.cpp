//===--- InfoCommands.cpp -------------------------------------------------===//

#include "InfoCommands.h"
#include "CheckDocs.h"
#include "CheckSelection.h"
#include "CommandLine.h"
#include "ConfigFiles.h"
#include "ConfigReview.h"
#include "RunReporter.h"
#include "TidyCompat.h"
#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang-tidy/GlobList.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

using namespace clang::tidy;
using namespace llvm;

namespace async_tidy {

const char UsageOverview[] =
    "async-tidy: finds misuse of asynchronous C++ code.\n\n"
    "  async-tidy -p build                 every file in "
    "build/compile_commands.json\n"
    "  async-tidy -p build src/a.cpp       one file\n"
    "  async-tidy a.cpp -- -std=c++20      flags given on the command "
    "line\n"
    "  async-tidy -p build --cross-file=false --shard=2/4 --format=json "
    "--output=s2.json\n"
    "                                      the second of four parts\n"
    "  async-tidy merge s1.json s2.json s3.json s4.json\n"
    "                                      the parts' reports as one "
    "(merge --help)\n"
    "  async-tidy -p build --shard=2/4 --write-summary-index=p2.json\n"
    "  async-tidy merge --output=index.json p1.json p2.json p3.json "
    "p4.json\n"
    "  async-tidy -p build --shard=2/4 --summary-index=index.json "
    "--format=json --output=s2.json\n"
    "                                      the same, following calls "
    "across the parts\n";

void printVersion(raw_ostream &OS) {
  // The second line is clang-tidy's, which IDEs parse for the version.
  OS << "async-tidy " ASYNC_TIDY_VERSION " (LLVM " LLVM_VERSION_STRING ")\n"
     << "LLVM version " LLVM_VERSION_STRING "\n";
}

int explainCheck(StringRef Name) {
  // The pages are in the binary, whatever folder it was built in.
  if (std::optional<StringRef> Doc = checkDoc(Name)) {
    outs() << *Doc;
    return Clean;
  }
  if (isKnownCheck(Name))
    return fail("'" + Name +
                "' is a clang-tidy check: its page is on the clang-tidy site");
  std::string Closest = closestCheckName(Name);
  return fail("unknown check '" + Name + "'" +
              (Closest.empty() ? "" : "; did you mean '" + Closest + "'?"));
}

bool isInfoCommand(const DriverOptions &Options) {
  return Options.VerifyConfig || Options.ListChecks || Options.DumpConfig ||
         Options.ExplainConfig;
}

int runInfoCommand(const DriverOptions &Options,
                   std::unique_ptr<ClangTidyOptionsProvider> Provider) {
  std::string FirstFile =
      Options.SourcePaths.empty() ? "dummy.cpp" : Options.SourcePaths[0];
  if (Options.VerifyConfig)
    return verifyConfig(Options, *Provider, FirstFile);

  ClangTidyOptions Effective = Provider->getOptions(FirstFile);
  if (Options.ExplainConfig) {
    // The last source whose Checks globs decide about a check is the one
    // that enables it; sources are listed from defaults to command line.
    auto Sources = Provider->getRawOptions(FirstFile);
    for (const std::string &Name : enabledChecks(Effective))
      for (const auto &[Raw, Source] : llvm::reverse(Sources))
        if (Raw.Checks && GlobList(*Raw.Checks).contains(Name)) {
          outs() << "'" << Name << "' is enabled in the " << Source << ".\n";
          break;
        }
    return Clean;
  }
  if (Options.DumpConfig) {
    ClangTidyContext Context(std::move(Provider));
    Context.setCurrentFile(FirstFile);
    Effective.CheckOptions = effectiveCheckOptions(Effective);
    Effective.Checks = simplifiedChecks(Effective.Checks.value_or(""));
    outs() << configurationAsText(Effective) << "\n";
    return Clean;
  }
  outs() << "Enabled checks:";
  for (const std::string &Name : enabledChecks(Effective))
    outs() << "\n    " << Name;
  outs() << "\n\n";
  return Clean;
}

} // namespace async_tidy

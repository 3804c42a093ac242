//===--- CheckOptionProblems.cpp ------------------------------------------===//

#include "CheckOptionProblems.h"
#include "CheckSelection.h"
#include "TidyCompat.h"
#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "clang-tidy/ClangTidyModule.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Config/llvm-config.h"
#if LLVM_VERSION_MAJOR < 22 // merged into ClangTidyModule.h since
#include "clang-tidy/ClangTidyModuleRegistry.h"
#endif

using namespace clang;
using namespace clang::tidy;

namespace async_tidy {

namespace {
/// Keeps the text of each diagnostic reported to it.
class CollectingConsumer : public DiagnosticConsumer {
public:
  void HandleDiagnostic(DiagnosticsEngine::Level /*Level*/,
                        const Diagnostic &Info) override {
    llvm::SmallString<128> Text;
    Info.FormatDiagnostic(Text);
    // Every check that reads a shared option says the same.
    if (Seen.insert(Text).second)
      Messages.push_back(Text.str().str());
  }
  std::vector<std::string> Messages;
  llvm::StringSet<> Seen;
};
} // namespace

/// Makes the checks enabled for \p File with its options, as a run does,
/// and keeps what they say about values they cannot use.
static std::vector<std::string> badValues(ClangTidyOptionsProvider &Provider,
                                          llvm::StringRef File) {
  ClangTidyContext Context(std::make_unique<DefaultOptionsProvider>(
      Provider.getGlobalOptions(), Provider.getOptions(File)));
  CollectingConsumer Consumer;
  auto Engine = installDiagnosticsEngine(Context, Consumer);
  Context.setCurrentFile(File);
  ClangTidyCheckFactories Factories;
  for (const ClangTidyModuleRegistry::entry &Module :
       ClangTidyModuleRegistry::entries())
    Module.instantiate()->addCheckFactories(Factories);
  (void)Factories.createChecks(&Context);
  return std::move(Consumer.Messages);
}

CheckOptionProblems findCheckOptionProblems(ClangTidyOptionsProvider &Provider,
                                            llvm::StringRef File,
                                            bool WithValues) {
  CheckOptionProblems Problems;
  // Every option name some check reads, found as clang-tidy's own
  // --verify-config finds them: by making every check once.
  const llvm::StringSet<> Known = getAllChecksAndOptions().Options;
  for (const auto &[Options, Source] : Provider.getRawOptions(File))
    for (const auto &Option : Options.CheckOptions) {
      llvm::StringRef Name = Option.getKey();
      if (Known.contains(Name))
        continue;
      std::string Problem =
          ("unknown check option '" + Name + "' in " + Source).str();
      if (std::string Closest = closestName(Name, Known); !Closest.empty())
        Problem += "; did you mean '" + Closest + "'?";
      Problems.UnknownNames.push_back(std::move(Problem));
    }
  if (WithValues)
    Problems.BadValues = badValues(Provider, File);
  return Problems;
}

} // namespace async_tidy

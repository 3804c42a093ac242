//===--- RunChecks.cpp ----------------------------------------------------===//

#include "RunChecks.h"
#include "Analysis.h"
#include "CheckCostTimer.h"
#include "EditorCaches.h"
#include "TidyCompat.h"
#include "UserCodeScope.h"
#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Frontend/MultiplexConsumer.h"
#include "clang/Lex/PreprocessorOptions.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/Tooling.h"

using namespace clang;
using namespace clang::tidy;
using namespace clang::tooling;

namespace async_tidy {

namespace {

/// The config's ExtraArgsBefore and ExtraArgs added to a compile command.
ArgumentsAdjuster configExtraArgs(ClangTidyContext &Context) {
  return [&Context](const CommandLineArguments &Args, StringRef File) {
    ClangTidyOptions Options = Context.getOptionsForFile(File);
    CommandLineArguments Adjusted = Args;
    if (Options.ExtraArgsBefore) {
      auto Start = Adjusted.begin();
      // After the compiler's name, when the command has one.
      if (Start != Adjusted.end() && !StringRef(*Start).starts_with("-"))
        ++Start;
      Adjusted.insert(Start, Options.ExtraArgsBefore->begin(),
                      Options.ExtraArgsBefore->end());
    }
    if (Options.ExtraArgs)
      Adjusted.insert(Adjusted.end(), Options.ExtraArgs->begin(),
                      Options.ExtraArgs->end());
    return Adjusted;
  };
}

class CheckAction : public ASTFrontendAction {
public:
  CheckAction(ClangTidyContext &Context, ClangTidyASTConsumerFactory &Factory,
              BodyReuse *Bodies)
      : Context(Context), Factory(Factory), Bodies(Bodies) {}

  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &Compiler,
                                                 StringRef File) override {
    // Creating the checks' consumer makes File the context's current file,
    // whose options decide the scope.
    std::unique_ptr<ASTConsumer> Checks =
        Factory.createASTConsumer(Compiler, File);
    std::vector<std::unique_ptr<ASTConsumer>> Consumers;
    if (!Context.getOptions().SystemHeaders.value_or(false) &&
        onlyAsyncChecks(Factory.getCheckNames()))
      Consumers.push_back(std::make_unique<UserCodeScope>());
    Consumers.push_back(std::move(Checks));
    if (Bodies)
      Consumers.push_back(Bodies->consumer());
    if (Context.getEnableProfiling())
      Consumers = timeCheckCost(File, std::move(Consumers));
    if (Consumers.size() == 1)
      return std::move(Consumers.front());
    return std::make_unique<MultiplexConsumer>(std::move(Consumers));
  }

private:
  ClangTidyContext &Context;
  ClangTidyASTConsumerFactory &Factory;
  BodyReuse *Bodies;
};

class CheckActionFactory : public FrontendActionFactory {
public:
  CheckActionFactory(ClangTidyContext &Context,
                     IntrusiveRefCntPtr<llvm::vfs::OverlayFileSystem> FS,
                     EditorCaches *Editor, bool RecordsSummary)
      : Context(Context), Factory(Context, std::move(FS)),
        Preambles(Editor ? &Editor->Preambles : nullptr),
        // A summary tells the other files about every body.
        Bodies(Editor && Editor->ReuseDeclarations && !RecordsSummary
                   ? &Editor->Bodies
                   : nullptr) {}

  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<CheckAction>(Context, Factory, Bodies);
  }

  bool runInvocation(std::shared_ptr<CompilerInvocation> Invocation,
                     FileManager *Files,
                     std::shared_ptr<PCHContainerOperations> PCHContainerOps,
                     DiagnosticConsumer *DiagConsumer) override {
    // Code may test __clang_analyzer__ to hide itself from analyzers, as it
    // does under clang-tidy.
    Invocation->getPreprocessorOpts().SetUpStaticAnalyzer = true;
    IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS =
        Files->getVirtualFileSystemPtr();
    std::optional<std::pair<std::string, std::string>> Planned;
    if (Bodies)
      Planned = textAndCommand(*Invocation, *FS, Context);
    bool UsesPreamble = Preambles && preambleIsSafe(*Invocation) &&
                        Preambles->use(*Invocation, FS);
    if (Planned) {
      Bodies->begin(Invocation->getFrontendOpts().Inputs[0].getFile(),
                    Planned->first, Planned->second, UsesPreamble);
      Invocation->getFrontendOpts().SkipFunctionBodies = Bodies->skipping();
    }
    if (!UsesPreamble)
      return FrontendActionFactory::runInvocation(std::move(Invocation), Files,
                                                  std::move(PCHContainerOps),
                                                  DiagConsumer);
    // The preamble is read from memory through the file system it returned.
    auto WithPreamble =
        llvm::makeIntrusiveRefCnt<FileManager>(Files->getFileSystemOpts(), FS);
    return FrontendActionFactory::runInvocation(
        std::move(Invocation), WithPreamble.get(), std::move(PCHContainerOps),
        DiagConsumer);
  }

private:
  /// A check that watches the preprocessor would miss the include block's
  /// directives; ours do not watch it.
  bool preambleIsSafe(const CompilerInvocation &Invocation) {
    Context.setCurrentFile(Invocation.getFrontendOpts().Inputs[0].getFile());
    return onlyAsyncChecks(Factory.getCheckNames());
  }

  /// The main file's text, and the command with the checks' configuration,
  /// as the preamble's use leaves neither: what decides which of its bodies
  /// the parse may skip.
  static std::optional<std::pair<std::string, std::string>>
  textAndCommand(const CompilerInvocation &Invocation,
                 llvm::vfs::FileSystem &FS, ClangTidyContext &Context) {
    StringRef File = Invocation.getFrontendOpts().Inputs[0].getFile();
    auto Contents = FS.getBufferForFile(File);
    if (!Contents)
      return std::nullopt;
    std::string Command = llvm::join(Invocation.getCC1CommandLine(), "\n");
    ClangTidyOptions Options = Context.getOptionsForFile(File);
    std::vector<std::string> Settings{Options.Checks.value_or("")};
    for (const auto &Option : Options.CheckOptions)
      Settings.push_back(Option.getKey().str() + "=" + Option.getValue().Value);
    llvm::sort(Settings.begin() + 1, Settings.end());
    Command += "\n" + llvm::join(Settings, "\n");
    return std::make_pair((*Contents)->getBuffer().str(), std::move(Command));
  }

  ClangTidyContext &Context;
  ClangTidyASTConsumerFactory Factory;
  PreambleCache *Preambles;
  BodyReuse *Bodies;
};

} // namespace

std::vector<ClangTidyError>
runChecks(ClangTidyContext &Context, IntrusiveRefCntPtr<DiagnosticIDs> IDs,
          const CompilationDatabase &Database,
          IntrusiveRefCntPtr<llvm::vfs::OverlayFileSystem> FS,
          const AnalysisRequest &Request) {
  ClangTool Tool(Database, {Request.File},
                 std::make_shared<PCHContainerOperations>(), FS);
  Tool.appendArgumentsAdjuster(configExtraArgs(Context));
  Tool.appendArgumentsAdjuster(getStripPluginsAdjuster());
  Context.setEnableProfiling(Request.EnableCheckProfile);
  Context.setProfileStoragePrefix(Request.StoreCheckProfile);

  ClangTidyDiagnosticConsumer Diagnostics(
      Context, /*ExternalDiagEngine=*/nullptr,
      /*RemoveIncompatibleErrors=*/true, Request.FixesFromNotes);
  std::unique_ptr<DiagnosticsEngine> Engine =
      installDiagnosticsEngine(Context, Diagnostics, std::move(IDs));
  Tool.setDiagnosticConsumer(&Diagnostics);

  CheckActionFactory Factory(Context, std::move(FS), Request.Editor,
                             Request.RecordSummary);
  Tool.run(&Factory);
  return Diagnostics.take();
}

} // namespace async_tidy

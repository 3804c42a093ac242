//===--- RunChecks.cpp ----------------------------------------------------===//

#include "RunChecks.h"
#include "Analysis.h"
#include "CheckCostTimer.h"
#include "PreambleCache.h"
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
  CheckAction(ClangTidyContext &Context, ClangTidyASTConsumerFactory &Factory)
      : Context(Context), Factory(Factory) {}

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
    if (Context.getEnableProfiling())
      Consumers = timeCheckCost(File, std::move(Consumers));
    if (Consumers.size() == 1)
      return std::move(Consumers.front());
    return std::make_unique<MultiplexConsumer>(std::move(Consumers));
  }

private:
  ClangTidyContext &Context;
  ClangTidyASTConsumerFactory &Factory;
};

class CheckActionFactory : public FrontendActionFactory {
public:
  CheckActionFactory(ClangTidyContext &Context,
                     IntrusiveRefCntPtr<llvm::vfs::OverlayFileSystem> FS,
                     PreambleCache *Preambles)
      : Context(Context), Factory(Context, std::move(FS)),
        Preambles(Preambles) {}

  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<CheckAction>(Context, Factory);
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
    if (!Preambles || !preambleIsSafe(*Invocation) ||
        !Preambles->use(*Invocation, FS))
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

  ClangTidyContext &Context;
  ClangTidyASTConsumerFactory Factory;
  PreambleCache *Preambles;
};

} // namespace

std::vector<ClangTidyError>
runChecks(ClangTidyContext &Context, const CompilationDatabase &Database,
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
      installDiagnosticsEngine(Context, Diagnostics);
  Tool.setDiagnosticConsumer(&Diagnostics);

  CheckActionFactory Factory(Context, std::move(FS), Request.Preambles);
  Tool.run(&Factory);
  return Diagnostics.take();
}

} // namespace async_tidy

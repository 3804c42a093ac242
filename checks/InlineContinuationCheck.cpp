//===--- InlineContinuationCheck.cpp - async-inline-continuation ----------===//

#include "InlineContinuationCheck.h"
#include "checks/model/ApiNames.h"
#include "checks/model/AstHelpers.h"
#include "checks/model/AsyncContext.h"
#include "checks/model/ContextDescription.h"
#include "checks/model/HeldLocks.h"
#include "checks/model/StmtWalk.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::async {

InlineContinuationCheck::InlineContinuationCheck(StringRef Name,
                                                 ClangTidyContext *Context)
    : AsyncModelCheck(Name, Context),
      ResumeExecutors(*this, "ResumeExecutors") {}

void InlineContinuationCheck::onStartOfTranslationUnit() {
  AsyncModelCheck::onStartOfTranslationUnit();
  Ctx = nullptr;
  Resumes.clear();
  ForeignCallbacks.clear();
  PostedByOption.clear();
  StoredHandles.clear();
}

void InlineContinuationCheck::registerMatchers(MatchFinder *Finder) {
  Finder->addMatcher(
      callExpr(unless(isExpansionInSystemHeader()), callee(functionDecl()))
          .bind("call"),
      this);
  Finder->addMatcher(
      cxxConstructExpr(unless(isExpansionInSystemHeader())).bind("construct"),
      this);
  Finder->addMatcher(
      functionDecl(isDefinition(), unless(isExpansionInSystemHeader()))
          .bind("function"),
      this);
}

void InlineContinuationCheck::recordCallbacks(
    const Expr &Registration, const FunctionDecl &Callee,
    llvm::ArrayRef<const Expr *> Args) {
  bool Foreign = model().isCallbackRegistration(Callee);
  bool Posting = false;
  if (const auto *Call = dyn_cast<CallExpr>(&Registration))
    Posting = ResumeExecutors.matchesCall(*Call);
  if (!Foreign && !Posting)
    return;
  for (const Expr *Arg : Args)
    if (const LambdaExpr *Lambda = model::lambdaArgument(Arg)) {
      const FunctionDecl *Operator =
          Lambda->getCallOperator()->getCanonicalDecl();
      if (Posting)
        PostedByOption.insert(Operator);
      else
        ForeignCallbacks.try_emplace(Operator, &Registration);
    }
}

void InlineContinuationCheck::recordStoredHandles(const Stmt &Body) {
  walkStatements(Body, [&](const Stmt &S, const Stmt *) {
    const Expr *Target = nullptr;
    if (const auto *Assign = dyn_cast<BinaryOperator>(&S);
        Assign && Assign->isAssignmentOp())
      Target = Assign->getLHS();
    else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(&S);
             Op && Op->getOperator() == OO_Equal && Op->getNumArgs() == 2)
      Target = Op->getArg(0);
    if (Target)
      if (const auto *Member =
              dyn_cast<MemberExpr>(Target->IgnoreParenImpCasts()))
        if (const auto *Field = dyn_cast<FieldDecl>(Member->getMemberDecl()))
          if (model().isCoroutineHandle(Field->getType()))
            StoredHandles.insert(Field->getCanonicalDecl());
    return WalkAction::Descend;
  });
}

void InlineContinuationCheck::check(const MatchFinder::MatchResult &Result) {
  Ctx = Result.Context;
  if (const auto *Construct =
          Result.Nodes.getNodeAs<CXXConstructExpr>("construct")) {
    recordCallbacks(*Construct, *Construct->getConstructor(),
                    {Construct->getArgs(), Construct->getNumArgs()});
    return;
  }
  if (const auto *Call = Result.Nodes.getNodeAs<CallExpr>("call")) {
    if (model().isResume(*Call))
      Resumes.push_back(Call);
    recordCallbacks(*Call, *Call->getDirectCallee(),
                    {Call->getArgs(), Call->getNumArgs()});
    return;
  }
  const auto *Function = Result.Nodes.getNodeAs<FunctionDecl>("function");
  if (Function->getIdentifier() && Function->getName() == "await_suspend")
    recordStoredHandles(*Function->getBody());
  checkUnderLock(*Function);
}

void InlineContinuationCheck::checkUnderLock(const FunctionDecl &Function) {
  auto IsCompletion = [this](const Stmt &S) {
    const auto *Call = dyn_cast<CallExpr>(&S);
    return Call && (model().isResume(*Call) || model().isCompleter(*Call));
  };
  model::forEachEventUnderLock(
      Function.getBody(), model(), IsCompletion, /*FirstOnly=*/false,
      [&](const VarDecl &Lock, const Stmt &Event) {
        const auto &Call = cast<CallExpr>(Event);
        if (!reportOnce(Call.getExprLoc()))
          return;
        diag(Call.getExprLoc(),
             "'%0' is called while lock '%1' is held; the continuation of "
             "the waiter runs inline on this thread under the lock and "
             "deadlocks if it needs the same mutex; release the lock first, "
             "or post the completion to an executor")
            << model::callName(Call) << Lock.getName();
        diag(Lock.getLocation(), "'%0' is acquired here", DiagnosticIDs::Note)
            << Lock.getName();
      });
}

void InlineContinuationCheck::onEndOfTranslationUnit() {
  if (Resumes.empty() || !Ctx)
    return;
  model::AsyncContextIndex Index(*Ctx, model(), Resumes);
  for (const Stmt *S : Resumes) {
    const auto *Resume = cast<CallExpr>(S);
    for (const model::CandidateSite &Site : Index.sites(Resume))
      checkResume(*Resume, *Site.Callable, Index);
  }
}

/// A variable, parameter, capture or member of an executor type that
/// \p Callable can use: where to post the resumption.
static const ValueDecl *executorInScope(const FunctionDecl &Callable,
                                        const model::AsyncModel &Model) {
  for (const ParmVarDecl *Param : Callable.parameters())
    if (Model.isExecutorType(Param->getType()))
      return Param;
  const auto *Method = dyn_cast<CXXMethodDecl>(&Callable);
  if (!Method)
    return nullptr;
  const CXXRecordDecl *Class = Method->getParent();
  if (Class->isLambda()) {
    for (const LambdaCapture &Capture : Class->captures())
      if (Capture.capturesVariable())
        if (const auto *Var = dyn_cast<VarDecl>(Capture.getCapturedVar()))
          if (Model.isExecutorType(Var->getType()))
            return Var;
    if (const auto *Outer = dyn_cast<FunctionDecl>(Class->getDeclContext()))
      return executorInScope(*Outer, Model);
    return nullptr;
  }
  for (const FieldDecl *Field : Class->fields())
    if (Model.isExecutorType(Field->getType()))
      return Field;
  return nullptr;
}

void InlineContinuationCheck::checkResume(
    const CallExpr &Resume, const FunctionDecl &Callable,
    const model::AsyncContextIndex &Index) {
  // Where coroutines are meant to be resumed: inside the awaitable's own
  // protocol, or in work posted to an executor.
  if (Callable.getIdentifier() && (Callable.getName() == "await_suspend" ||
                                   Callable.getName() == "final_suspend" ||
                                   Callable.getName() == "await_resume"))
    return;
  if (PostedByOption.contains(&Callable))
    return;
  const model::AsyncRoot *Root = Index.rootOf(&Callable);
  if (Root && (Root->Kind == model::RootKind::Handler ||
               Root->Kind == model::RootKind::Continuation))
    return;
  StringRef Post = model::adviceName(model::AdviceName::PostCall);
  std::string Fix = ("post the resumption to the coroutine's executor instead "
                     "(" +
                     Post + "(ex, [h] { h.resume(); }))")
                        .str();
  if (const ValueDecl *Executor = executorInScope(Callable, model())) {
    std::string Name = Executor->getNameAsString();
    Fix = ("post the resumption to '" + Name + "' instead (" + Post + "(" +
           Name + ", [h] { h.resume(); }))")
              .str();
  }
  if (Root && Root->Kind == model::RootKind::CompletionHandler) {
    if (!reportOnce(Resume.getExprLoc()))
      return;
    diag(Resume.getExprLoc(),
         "coroutine resumed inline inside %0; it continues on the thread "
         "that completes the operation, before the handler returns; %1")
        << model::describeContext({Root, {}}, Callable) << Fix;
    return;
  }
  if (auto It = ForeignCallbacks.find(&Callable);
      It != ForeignCallbacks.end()) {
    std::string Registrar =
        isa<CXXConstructExpr>(It->second)
            ? model::canonicalTypeName(It->second->getType(), *Ctx)
            : model::callKeys(*cast<CallExpr>(It->second)).front();
    if (!reportOnce(Resume.getExprLoc()))
      return;
    diag(Resume.getExprLoc(),
         "coroutine resumed inline inside a callback handed to '%0'; it "
         "continues on that subsystem's thread; %1")
        << Registrar << Fix;
    diag(It->second->getExprLoc(), "the callback is registered here",
         DiagnosticIDs::Note);
    return;
  }
  const Expr *Object = model::callObject(Resume);
  const auto *Member =
      Object ? dyn_cast<MemberExpr>(Object->IgnoreParenImpCasts()) : nullptr;
  const auto *Field =
      Member ? dyn_cast<FieldDecl>(Member->getMemberDecl()) : nullptr;
  if (Field && StoredHandles.contains(Field->getCanonicalDecl()) &&
      reportOnce(Resume.getExprLoc())) {
    diag(Resume.getExprLoc(),
         "'%0' resumes a coroutine that 'await_suspend' stored, on whichever "
         "thread calls '%1'; the waiter continues inline there; %2")
        << Field->getName() << model::callableName(Callable) << Fix;
  }
}

} // namespace clang::tidy::async

//===--- UnobservedExceptionCheck.cpp - async-unobserved-exception --------===//

#include "UnobservedExceptionCheck.h"
#include "checks/model/ApiNames.h"
#include "checks/model/AstHelpers.h"
#include "checks/model/StmtWalk.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"

namespace clang::tidy::async {

UnobservedExceptionCheck::UnobservedExceptionCheck(StringRef Name,
                                                   ClangTidyContext *Context)
    : FunctionBodyCheck(Name, Context),
      ErrorDroppingTokens(*this, "ErrorDroppingTokens"),
      UnknownBodiesThrow(Options.get("UnknownBodiesThrow", false)) {}

void UnobservedExceptionCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  FunctionBodyCheck::storeOptions(Opts);
  Options.store(Opts, "UnknownBodiesThrow", UnknownBodiesThrow);
}

void UnobservedExceptionCheck::checkBody(const FunctionDecl &, const Stmt &Body,
                                         bool, ASTContext &Context) {
  Ctx = &Context;
  walkStatements(Body, [&](const Stmt &S, const Stmt *Parent) {
    // A lambda is a function of its own, walked on its own.
    if (Parent && isa<LambdaExpr>(S))
      return WalkAction::Skip;
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(&S)) {
      QualType Type = Construct->getType();
      const CXXRecordDecl *Class = Type->getAsCXXRecordDecl();
      if (!Class || Class->isLambda() || model().isClosureOwner(*Construct))
        return WalkAction::Descend;
      // A thread drops what its callable returns, and so does a callable
      // wrapper whose call returns void (std::function<void()>).
      if (model().isThreadType(Type) || model::isVoidCallable(*Class))
        for (const Expr *Arg : Construct->arguments())
          checkCoroutineLambda(*Arg,
                               "'" + model::typeName(Type, Context) + "'");
      return WalkAction::Descend;
    }
    const auto *Call = dyn_cast<CallExpr>(&S);
    if (!Call || !Call->getDirectCallee())
      return WalkAction::Descend;
    if (std::optional<unsigned> Token = model().spawnTokenIndex(*Call)) {
      checkSpawn(*Call, *Token);
      return WalkAction::Descend;
    }
    if (model::isStackfulSpawn(*Call)) {
      checkStackfulSpawn(*Call);
      return WalkAction::Descend;
    }
    // post/dispatch/defer of a coroutine lambda: the handler's result is
    // ignored. A call that returns a task may unwrap one (create_task).
    if (std::optional<model::SchedulingApi> Api = model().schedulingCall(*Call);
        Api && Api->Kind == model::SchedulingKind::Handler &&
        !model().isClosureOwner(*Call) && !model().isTaskType(Call->getType()))
      for (const Expr *Arg : Call->arguments())
        checkCoroutineLambda(*Arg, "'" + model::callName(*Call) + "'");
    return WalkAction::Descend;
  });
}

bool UnobservedExceptionCheck::dropsErrors(const Expr &Token) const {
  QualType Type = Token.getType().getNonReferenceType();
  return model().isDetachedToken(Type) ||
         (!ErrorDroppingTokens.empty() &&
          ErrorDroppingTokens.matches(model::canonicalTypeName(Type, *Ctx)));
}

const Stmt *UnobservedExceptionCheck::escapeOf(const model::DetachedWork &Work,
                                               bool &Unknown) const {
  Unknown = false;
  if (model::isNothrowFunction(*Work.Function))
    return nullptr;
  if (!Work.Body) {
    Unknown = UnknownBodiesThrow;
    return nullptr;
  }
  return model::escapingStatement(*Work.Body);
}

void UnobservedExceptionCheck::noteEscape(const Stmt *Escaping,
                                          const model::DetachedWork &Work) {
  if (!Escaping) {
    diag(Work.Function->getLocation(),
         "the body of '%0' is not visible here; UnknownBodiesThrow counts it "
         "as throwing",
         DiagnosticIDs::Note)
        << Work.Function->getQualifiedNameAsString();
    return;
  }
  if (const auto *Throw = dyn_cast<CXXThrowExpr>(Escaping)) {
    diag(Throw->getThrowLoc(),
         Throw->getSubExpr()
             ? "thrown here, outside a try block that handles it"
             : "rethrown here",
         DiagnosticIDs::Note);
    return;
  }
  if (isa<CoroutineSuspendExpr>(Escaping)) {
    diag(Escaping->getBeginLoc(),
         "the awaited operation can rethrow its error here, outside a try "
         "block",
         DiagnosticIDs::Note);
    return;
  }
  const FunctionDecl *Callee = nullptr;
  if (const auto *Call = dyn_cast<CallExpr>(Escaping))
    Callee = dyn_cast_or_null<FunctionDecl>(Call->getCalleeDecl());
  else if (const auto *Construct = dyn_cast<CXXConstructExpr>(Escaping))
    Callee = Construct->getConstructor();
  diag(Escaping->getBeginLoc(),
       "'%0' is not noexcept and is called outside a try block",
       DiagnosticIDs::Note)
      << (Callee ? Callee->getQualifiedNameAsString() : std::string("call"));
}

/// Whether a coroutine's awaitable yields no value: then its completion
/// handler takes only the exception_ptr.
static bool yieldsVoid(QualType Awaitable) {
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      Awaitable->getAsCXXRecordDecl());
  if (!Spec || Spec->getTemplateArgs().size() == 0)
    return false;
  const TemplateArgument &Value = Spec->getTemplateArgs()[0];
  return Value.getKind() == TemplateArgument::Type &&
         Value.getAsType()->isVoidType();
}

std::string
UnobservedExceptionCheck::rethrowingHandler(const Expr &Token,
                                            const Expr &Spawned) const {
  const Expr *Written = Token.IgnoreImplicit()->IgnoreParens();
  const auto *Ref = dyn_cast<DeclRefExpr>(Written);
  if (!Ref || !isa<VarDecl>(Ref->getDecl()) || Ref->getBeginLoc().isMacroID())
    return "";
  QualType Awaitable = Spawned.getType();
  if (const LambdaExpr *Lambda = model::lambdaArgument(&Spawned))
    Awaitable = Lambda->getCallOperator()->getReturnType();
  StringRef ExceptionPtr = model::adviceName(model::AdviceName::ExceptionPtr);
  StringRef Rethrow = model::adviceName(model::AdviceName::RethrowException);
  if (!yieldsVoid(Awaitable) || !model::isDeclaredName(ExceptionPtr, *Ctx) ||
      !model::isDeclaredName(Rethrow, *Ctx))
    return "";
  return ("[](" + ExceptionPtr + " e) { if (e) " + Rethrow + "(e); }").str();
}

void UnobservedExceptionCheck::checkSpawn(const CallExpr &Call,
                                          unsigned TokenIndex) {
  // Asio's co_spawn ends with a defaulted enable_if argument.
  while (TokenIndex > 0 && isa<CXXDefaultArgExpr>(Call.getArg(TokenIndex)))
    --TokenIndex;
  const Expr &Token = *Call.getArg(TokenIndex);
  if (TokenIndex < 1 || !dropsErrors(Token))
    return;
  const Expr &Spawned = *Call.getArg(TokenIndex - 1);
  std::optional<model::DetachedWork> Work = model::detachedWork(Spawned);
  if (Work && Work->Body && !Work->IsCoroutine)
    Work = model::forwardedCoroutine(*Work);
  if (!Work || (Work->Body && !Work->IsCoroutine))
    return;
  bool Unknown = false;
  const Stmt *Escaping = escapeOf(*Work, Unknown);
  if ((!Escaping && !Unknown) || !reportOnce(Token.getBeginLoc()))
    return;
  std::string Handler = rethrowingHandler(Token, Spawned);
  {
    auto Diag = diag(Token.getBeginLoc(),
                     "the coroutine started by '%0' can throw, and its "
                     "completion token drops the exception: nobody sees the "
                     "error and the work just stops; pass a completion "
                     "handler that rethrows or logs the exception_ptr")
                << model::callName(Call);
    if (!Handler.empty())
      Diag << FixItHint::CreateReplacement(Token.getSourceRange(), Handler);
  }
  noteEscape(Escaping, *Work);
}

void UnobservedExceptionCheck::checkStackfulSpawn(const CallExpr &Call) {
  // spawn(function), or spawn(context, function[, token]): the context is
  // an executor, an execution context, a yield context or (Boost 1.74) a
  // handler taking no error. Defaulted arguments were not written.
  llvm::SmallVector<const Expr *, 4> Written;
  for (const Expr *Arg : Call.arguments())
    if (!isa<CXXDefaultArgExpr>(Arg))
      Written.push_back(Arg);
  if (Written.empty())
    return;
  unsigned FunctionIndex = Written.size() == 1 ? 0 : 1;
  std::optional<model::DetachedWork> Work =
      model::detachedWork(*Written[FunctionIndex]);
  if (!Work)
    return;
  for (unsigned I = FunctionIndex + 1; I < Written.size(); ++I)
    if (!dropsErrors(*Written[I]))
      return; // a completion token receives the exception
  bool Unknown = false;
  const Stmt *Escaping = escapeOf(*Work, Unknown);
  if ((!Escaping && !Unknown) || !reportOnce(Call.getBeginLoc()))
    return;
  diag(Call.getBeginLoc(),
       "the stackful coroutine started by '%0' can throw, and no completion "
       "handler receives the exception: it escapes from the executor's run() "
       "on whichever thread runs it; catch it inside the function, or pass a "
       "completion token that takes the exception_ptr")
      << model::callName(Call);
  noteEscape(Escaping, *Work);
}

void UnobservedExceptionCheck::checkCoroutineLambda(const Expr &Arg,
                                                    llvm::StringRef Slot) {
  const LambdaExpr *Lambda = model::lambdaArgument(&Arg);
  if (!Lambda)
    return;
  std::optional<model::DetachedWork> Found = model::detachedWork(Arg);
  if (!Found)
    return;
  const model::DetachedWork &Work = *Found;
  QualType Task = Work.Function->getReturnType();
  std::optional<model::AsyncModel::TaskTraits> Traits =
      model().taskTraits(Task);
  if (!Work.IsCoroutine || !Traits)
    return;
  bool Unknown = false;
  const Stmt *Escaping = Traits->Lazy ? nullptr : escapeOf(Work, Unknown);
  if ((!Traits->Lazy && !Escaping) || !reportOnce(Lambda->getBeginLoc()))
    return;
  diag(Lambda->getBeginLoc(),
       "coroutine lambda given to %0, which drops the '%1' it returns: %2; "
       "give it a callable that keeps the task and awaits or spawns it, or "
       "make the lambda a plain function")
      << Slot << model::canonicalTypeName(Task, *Ctx)
      << (Traits->Lazy ? "the coroutine never starts"
                       : "an exception it throws is never seen");
  if (Escaping)
    noteEscape(Escaping, Work);
  noteInferred(model().inferredTask(Task));
}

} // namespace clang::tidy::async

//===--- Continuations.cpp ------------------------------------------------===//

#include "Continuations.h"
#include "AstHelpers.h"
#include "Exceptions.h"
#include "StmtWalk.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"

namespace clang::tidy::async::model {

/// Whether \p E mentions \p D anywhere ('make_exception_future(ep)').
static bool mentions(const Expr &E, const ValueDecl &D) {
  return !walkStatements(E, [&](const Stmt &S, const Stmt *) {
    const auto *Ref = dyn_cast<DeclRefExpr>(&S);
    return Ref && Ref->getDecl() == &D ? WalkAction::Stop : WalkAction::Descend;
  });
}

bool attachesContinuation(const CallExpr &Call, const AsyncModel &Model) {
  if (std::optional<SchedulingApi> Api = Model.schedulingCall(Call))
    return Api->Kind == SchedulingKind::Continuation;
  const Expr *Object = callObject(Call);
  return Object && Model.isTaskType(Object->getType()) &&
         Model.isTaskType(Call.getType()) &&
         llvm::any_of(Call.arguments(), [](const Expr *Arg) {
           return !isa<CXXDefaultArgExpr>(Arg) &&
                  isCallableType(Arg->getType());
         });
}

bool handlesItsErrors(const CallExpr &Call, const AsyncModel &Model) {
  if (Call.getNumArgs() == 0 || !callObject(Call) ||
      (!Model.schedulingCall(Call) && !attachesContinuation(Call, Model)))
    return false;
  // The callable; pplx's then() adds defaulted task_options after it.
  const LambdaExpr *Continuation = nullptr;
  for (const Expr *Arg : Call.arguments())
    if (!isa<CXXDefaultArgExpr>(Arg))
      Continuation = lambdaArgument(Arg);
  if (!Continuation)
    return false;
  const CXXMethodDecl *Operator = instantiatedCallOperator(*Continuation);
  if (!Operator || Operator->getNumParams() != 1 || !Operator->getBody())
    return false;
  // A value-based continuation is skipped when the antecedent fails; one
  // that takes the outcome or the error runs then.
  QualType Taken = Operator->getParamDecl(0)->getType();
  if (!Model.isOutcomeType(Taken) && !Model.isErrorType(Taken))
    return false;
  const ParmVarDecl *Antecedent = Operator->getParamDecl(0);
  // The try blocks the walk is in; their handlers are not guarded.
  llvm::SmallVector<const Stmt *, 4> Guarded;
  auto Enter = [&](const Stmt &S, const Stmt *Parent) {
    if (Parent && isa<LambdaExpr>(S))
      return WalkAction::Skip;
    if (const auto *Try = dyn_cast_or_null<CXXTryStmt>(Parent);
        Try && Try->getTryBlock() == &S && Try->getNumHandlers() > 0)
      Guarded.push_back(&S);
    if (!Guarded.empty())
      return WalkAction::Descend;
    // Reading the outcome rethrows (f.get(), t.value()); a nothrow
    // accessor (failed(), get_exception()) does not.
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&S);
        Member &&
        referencedDecl(Member->getImplicitObjectArgument()) == Antecedent &&
        !(Member->getMethodDecl() &&
          isNothrowFunction(*Member->getMethodDecl())))
      return WalkAction::Stop;
    // A throw, a call that does not return (std::rethrow_exception), or
    // handing the error on ('return make_exception_future(ep);').
    const auto *Called = dyn_cast<CallExpr>(&S);
    const FunctionDecl *Callee = Called ? Called->getDirectCallee() : nullptr;
    const auto *Return = dyn_cast<ReturnStmt>(&S);
    if (isa<CXXThrowExpr>(S) || (Callee && Callee->isNoReturn()) ||
        (Return && Return->getRetValue() &&
         mentions(*Return->getRetValue(), *Antecedent)))
      return WalkAction::Stop;
    return WalkAction::Descend;
  };
  auto Leave = [&](const Stmt &S) {
    if (!Guarded.empty() && Guarded.back() == &S)
      Guarded.pop_back();
  };
  return walkStatements(*Operator->getBody(), Enter, Leave, childrenOf);
}

/// The call a returned or awaited expression makes, through temporaries.
static const CallExpr *madeBy(const Expr *E) {
  if (!E)
    return nullptr;
  const auto *Call = dyn_cast<CallExpr>(E->IgnoreImplicit()->IgnoreParens());
  if (const auto *Construct =
          dyn_cast<CXXConstructExpr>(E->IgnoreImplicit()->IgnoreParens());
      !Call && Construct && Construct->getNumArgs() == 1)
    Call = dyn_cast<CallExpr>(
        Construct->getArg(0)->IgnoreImplicit()->IgnoreParens());
  return Call;
}

/// The body of the function \p Call calls, or null when it is not visible.
static const Stmt *calleeBody(const CallExpr &Call) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  const FunctionDecl *Definition = nullptr;
  if (!Callee || !Callee->hasBody(Definition))
    return nullptr;
  return Definition->getBody();
}

/// The values of the return statements of a plain function body.
static llvm::SmallVector<const Expr *, 2> returnedValues(const Stmt &Body) {
  llvm::SmallVector<const Expr *, 2> Values;
  walkStatements(Body, [&](const Stmt &S, const Stmt *Parent) {
    if (Parent && isa<LambdaExpr>(S))
      return WalkAction::Skip;
    if (const auto *Return = dyn_cast<ReturnStmt>(&S))
      Values.push_back(Return->getRetValue());
    return WalkAction::Descend;
  });
  return Values;
}

bool forwardsSelfObservedResult(const CallExpr &Call, const AsyncModel &Model) {
  const Stmt *Body = calleeBody(Call);
  if (!Body || isa<CoroutineBodyStmt>(Body))
    return false;
  llvm::SmallVector<const Expr *, 2> Values = returnedValues(*Body);
  return !Values.empty() && llvm::all_of(Values, [&](const Expr *Value) {
    const CallExpr *Inner = madeBy(Value);
    return Inner && Model.isSelfObservedResult(*Inner);
  });
}

bool mayEndInError(const CallExpr &Call, const AsyncModel &Model,
                   unsigned Depth) {
  if (Model.isSelfObservedResult(Call) || handlesItsErrors(Call, Model))
    return false;
  const Stmt *Body = calleeBody(Call);
  if (!Body)
    return true;
  const auto *Coroutine = dyn_cast<CoroutineBodyStmt>(Body);
  if (!Coroutine) {
    // A plain function hands on the task of what it returns.
    llvm::SmallVector<const Expr *, 2> Values = returnedValues(*Body);
    return Values.empty() || Depth == 0 ||
           llvm::any_of(Values, [&](const Expr *Value) {
             const CallExpr *Inner = madeBy(Value);
             return !Inner || mayEndInError(*Inner, Model, Depth - 1);
           });
  }
  // The try blocks the walk is in; their handlers are not guarded.
  llvm::SmallVector<const Stmt *, 4> Guarded;
  auto Enter = [&](const Stmt &S, const Stmt *Parent) {
    if (Parent && isa<LambdaExpr>(S))
      return WalkAction::Skip;
    if (const auto *Try = dyn_cast_or_null<CXXTryStmt>(Parent);
        Try && Try->getTryBlock() == &S && Try->getNumHandlers() > 0)
      Guarded.push_back(&S);
    if (!Guarded.empty())
      return WalkAction::Descend;
    if (isa<CXXThrowExpr>(S))
      return WalkAction::Stop;
    // An awaited task rethrows its error here.
    if (const auto *Await = dyn_cast<CoawaitExpr>(&S);
        Await && !Await->isImplicit() && Depth > 0)
      if (const CallExpr *Awaited = madeBy(Await->getOperand());
          Awaited && calleeBody(*Awaited) &&
          mayEndInError(*Awaited, Model, Depth - 1))
        return WalkAction::Stop;
    return WalkAction::Descend;
  };
  auto Leave = [&](const Stmt &S) {
    if (!Guarded.empty() && Guarded.back() == &S)
      Guarded.pop_back();
  };
  return !walkStatements(*Coroutine->getBody(), Enter, Leave, childrenOf);
}

} // namespace clang::tidy::async::model

//===--- Continuations.cpp ------------------------------------------------===//

#include "Continuations.h"
#include "AstHelpers.h"
#include "StmtWalk.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"

namespace clang::tidy::async::model {

bool handlesItsErrors(const CallExpr &Call, const AsyncModel &Model) {
  if (Call.getNumArgs() == 0 || !Model.schedulingCall(Call) ||
      !callObject(Call))
    return false;
  // The callable; pplx's then() adds defaulted task_options after it.
  const LambdaExpr *Continuation = nullptr;
  for (const Expr *Arg : Call.arguments())
    if (!isa<CXXDefaultArgExpr>(Arg))
      Continuation = lambdaArgument(Arg);
  if (!Continuation)
    return false;
  const CXXMethodDecl *Operator = Continuation->getCallOperator();
  if (Operator->getNumParams() != 1 ||
      !Model.isOutcomeType(Operator->getParamDecl(0)->getType()))
    return false; // value-based: skipped when the antecedent fails
  const ParmVarDecl *Antecedent = Operator->getParamDecl(0);
  // The try blocks the walk is in; their handlers are not guarded.
  llvm::SmallVector<const Stmt *, 4> Guarded;
  auto Enter = [&](const Stmt &S, const Stmt *Parent) {
    if (Parent && isa<LambdaExpr>(S))
      return WalkAction::Skip;
    if (const auto *Try = dyn_cast_or_null<CXXTryStmt>(Parent);
        Try && Try->getTryBlock() == &S && Try->getNumHandlers() > 0)
      Guarded.push_back(&S);
    const auto *Member = dyn_cast<CXXMemberCallExpr>(&S);
    bool Reads =
        Member &&
        referencedDecl(Member->getImplicitObjectArgument()) == Antecedent;
    if ((Reads || isa<CXXThrowExpr>(S)) && Guarded.empty())
      return WalkAction::Stop;
    return WalkAction::Descend;
  };
  auto Leave = [&](const Stmt &S) {
    if (!Guarded.empty() && Guarded.back() == &S)
      Guarded.pop_back();
  };
  return walkStatements(*Continuation->getBody(), Enter, Leave, childrenOf);
}

} // namespace clang::tidy::async::model

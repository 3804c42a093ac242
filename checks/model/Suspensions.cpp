//===--- Suspensions.cpp --------------------------------------------------===//

#include "Suspensions.h"
#include "StmtWalk.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/SmallPtrSet.h"

namespace clang::tidy::async::model {

static bool isSuspension(const Stmt &S) {
  if (const auto *Await = dyn_cast<CoawaitExpr>(&S))
    return !Await->isImplicit();
  return isa<CoyieldExpr, DependentCoawaitExpr>(S);
}

static bool isLoop(const Stmt &S) {
  return isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(S);
}

const Expr *firstSuspension(const Stmt &Body) {
  const Expr *First = nullptr;
  walkStatements(Body, [&](const Stmt &S, const Stmt *) {
    if (isa<LambdaExpr>(S))
      return WalkAction::Skip;
    if (!isSuspension(S))
      return WalkAction::Descend;
    First = cast<Expr>(&S);
    return WalkAction::Stop;
  });
  return First;
}

bool usedAfterSuspension(const Stmt &Body,
                         llvm::function_ref<bool(const Stmt &)> IsUse) {
  // Pre-order is source order, so the first suspension met is the first
  // written; every loop on the stack when one is met suspends.
  bool Suspended = false;
  llvm::SmallVector<const Stmt *, 4> Loops;
  llvm::SmallPtrSet<const Stmt *, 4> SuspendingLoops;
  walkStatements(
      Body,
      [&](const Stmt &S, const Stmt *) {
        if (isa<LambdaExpr>(S))
          return WalkAction::Skip;
        if (isLoop(S))
          Loops.push_back(&S);
        if (isSuspension(S)) {
          Suspended = true;
          SuspendingLoops.insert(Loops.begin(), Loops.end());
        }
        return WalkAction::Descend;
      },
      [&](const Stmt &S) {
        if (isLoop(S))
          Loops.pop_back();
      },
      childrenOf);
  if (!Suspended)
    return false;
  bool After = false;
  bool Used = false;
  walkStatements(
      Body,
      [&](const Stmt &S, const Stmt *) {
        if (isa<LambdaExpr>(S))
          return WalkAction::Skip;
        if (isLoop(S))
          Loops.push_back(&S);
        if (IsUse(S) && (After || llvm::any_of(Loops, [&](const Stmt *Loop) {
                           return SuspendingLoops.contains(Loop);
                         }))) {
          Used = true;
          return WalkAction::Stop;
        }
        return WalkAction::Descend;
      },
      [&](const Stmt &S) {
        if (isLoop(S))
          Loops.pop_back();
        // A suspension's operand runs before it suspends.
        if (isSuspension(S))
          After = true;
      },
      childrenOf);
  return Used;
}

} // namespace clang::tidy::async::model

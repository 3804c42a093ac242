//===--- Suspensions.cpp --------------------------------------------------===//

#include "Suspensions.h"
#include "HeldLocks.h"
#include "StmtWalk.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/SmallPtrSet.h"

namespace clang::tidy::async::model {

static bool isLoop(const Stmt &S) {
  return isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(S);
}

/// Walks \p Body without its lambdas, calling \p Visit(Node, Loops) with the
/// loops around the node and \p AfterSuspension(Node) once a suspension's
/// subtree is done; \p Visit returns false to stop.
template <typename VisitFn, typename LeaveFn>
static void walkWithLoops(const Stmt &Body, VisitFn Visit,
                          LeaveFn AfterSuspension) {
  llvm::SmallVector<const Stmt *, 4> Loops;
  walkStatements(
      Body,
      [&](const Stmt &S, const Stmt *) {
        if (isa<LambdaExpr>(S))
          return WalkAction::Skip;
        if (isLoop(S))
          Loops.push_back(&S);
        return Visit(S, Loops) ? WalkAction::Descend : WalkAction::Stop;
      },
      [&](const Stmt &S) {
        if (isLoop(S))
          Loops.pop_back();
        // A suspension's operand runs before it suspends.
        if (isSuspension(S))
          AfterSuspension();
      },
      childrenOf);
}

bool usedAfterSuspension(const Stmt &Body,
                         llvm::function_ref<bool(const Stmt &)> IsUse) {
  // Every loop on the stack when a suspension is met suspends.
  bool Suspended = false;
  llvm::SmallPtrSet<const Stmt *, 4> SuspendingLoops;
  walkWithLoops(
      Body,
      [&](const Stmt &S, llvm::ArrayRef<const Stmt *> Loops) {
        if (isSuspension(S)) {
          Suspended = true;
          SuspendingLoops.insert(Loops.begin(), Loops.end());
        }
        return true;
      },
      [] {});
  if (!Suspended)
    return false;
  // Pre-order is source order: what follows the first suspension's
  // subtree runs after it.
  bool After = false;
  bool Used = false;
  walkWithLoops(
      Body,
      [&](const Stmt &S, llvm::ArrayRef<const Stmt *> Loops) {
        Used = IsUse(S) && (After || llvm::any_of(Loops, [&](const Stmt *Loop) {
                              return SuspendingLoops.contains(Loop);
                            }));
        return !Used;
      },
      [&] { After = true; });
  return Used;
}

} // namespace clang::tidy::async::model

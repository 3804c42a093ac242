//===--- HeldLocks.cpp ----------------------------------------------------===//

#include "HeldLocks.h"
#include "ApiNames.h"
#include "AstHelpers.h"
#include "StmtWalk.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"

namespace clang::tidy::async::model {

bool isSuspension(const Stmt &S) {
  if (const auto *Await = dyn_cast<CoawaitExpr>(&S))
    return !Await->isImplicit();
  return isa<CoyieldExpr, DependentCoawaitExpr>(&S);
}

/// Statements that belong to another function.
static bool isOtherFunction(const Stmt &S) {
  return isa<LambdaExpr, BlockExpr>(&S);
}

namespace {
enum class LockEffect : uint8_t { None, Release, Reacquire };
} // namespace

/// What \p S does to \p Lock itself.
static LockEffect effectOn(const Stmt &S, const VarDecl &Lock,
                           const AsyncModel &Model) {
  const auto *Call = dyn_cast<CallExpr>(&S);
  if (!Call)
    return LockEffect::None;
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call)) {
    const auto *Method = Member->getMethodDecl();
    if (Method && Method->getIdentifier() &&
        referencedDecl(Member->getImplicitObjectArgument()) == &Lock) {
      if (Model.isLockRelease(Method->getName()))
        return LockEffect::Release;
      if (Method->getName() == "lock")
        return LockEffect::Reacquire;
    }
    return LockEffect::None;
  }
  // std::move(lock), std::swap(lock, other): ownership leaves this scope.
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (Callee && Callee->isInStdNamespace())
    for (const Expr *Arg : Call->arguments())
      if (const auto *Ref = dyn_cast<DeclRefExpr>(Arg->IgnoreParenImpCasts()))
        if (Ref->getDecl() == &Lock)
          return LockEffect::Release;
  return LockEffect::None;
}

namespace {
/// Scans the statements after a lock's declaration in source order.
class LockScan {
public:
  LockScan(const VarDecl &Lock, const AsyncModel &Model,
           llvm::function_ref<bool(const Stmt &)> IsEvent,
           llvm::function_ref<void(const Stmt &)> OnEvent, bool FirstOnly)
      : Lock(Lock), Model(Model), IsEvent(IsEvent), OnEvent(OnEvent),
        FirstOnly(FirstOnly), Held(!Model.isConstructedUnlocked(Lock)) {}

  /// Reports events while held; returns true once scanning should stop. A
  /// release on any path counts as a release on all of them: a missed finding
  /// is cheaper than a false one.
  bool scan(const Stmt &Root) {
    return !walkStatements(Root, [&](const Stmt &S, const Stmt *) {
      if (isOtherFunction(S))
        return WalkAction::Skip;
      switch (effectOn(S, Lock, Model)) {
      case LockEffect::Release:
        Held = false;
        return WalkAction::Skip;
      case LockEffect::Reacquire:
        Held = true;
        return WalkAction::Skip;
      case LockEffect::None:
        break;
      }
      if (Held && IsEvent(S)) {
        OnEvent(S);
        if (FirstOnly)
          return WalkAction::Stop;
      }
      return WalkAction::Descend;
    });
  }

private:
  const VarDecl &Lock;
  const AsyncModel &Model;
  llvm::function_ref<bool(const Stmt &)> IsEvent;
  llvm::function_ref<void(const Stmt &)> OnEvent;
  bool FirstOnly;
  bool Held;
};
} // namespace

void forEachEventUnderLock(
    const Stmt *Body, const AsyncModel &Model,
    llvm::function_ref<bool(const Stmt &)> IsEvent, bool FirstOnly,
    llvm::function_ref<void(const VarDecl &Lock, const Stmt &Event)> OnEvent) {
  if (!Body)
    return;
  if (const auto *Coroutine = dyn_cast<CoroutineBodyStmt>(Body))
    Body = Coroutine->getBody();
  llvm::SmallVector<const Stmt *, 32> Work{Body};
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    if (isOtherFunction(*S))
      continue;
    if (const auto *Block = dyn_cast<CompoundStmt>(S)) {
      // A lock lives from its declaration to the end of this block.
      for (auto It = Block->body_begin(), End = Block->body_end(); It != End;
           ++It) {
        const auto *Decls = dyn_cast<DeclStmt>(*It);
        if (!Decls)
          continue;
        for (const Decl *D : Decls->decls()) {
          const auto *Lock = dyn_cast<VarDecl>(D);
          if (!Lock || !Lock->hasLocalStorage() ||
              !Model.isLockType(Lock->getType()))
            continue;
          auto Report = [&](const Stmt &Event) { OnEvent(*Lock, Event); };
          LockScan Scan(*Lock, Model, IsEvent, Report, FirstOnly);
          for (auto Next = std::next(It); Next != End; ++Next)
            if (Scan.scan(**Next))
              break;
        }
      }
    }
    for (const Stmt *Child : S->children())
      if (Child)
        Work.push_back(Child);
  }
}

} // namespace clang::tidy::async::model

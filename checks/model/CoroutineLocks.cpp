//===--- CoroutineLocks.cpp -----------------------------------------------===//

#include "CoroutineLocks.h"
#include "ApiNames.h"
#include "AstHelpers.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/StringSet.h"

namespace clang::tidy::async::model {

static const llvm::StringSet<> &adoptLockTags() {
  static const llvm::StringSet<> Tags = [] {
    llvm::StringSet<> S;
#define ASYNC_ADOPT_LOCK_TAG(Name) S.insert(Name);
#include "NonBlocking.def"
    return S;
  }();
  return Tags;
}

/// Through temporaries, cleanups, conversions and copies.
static const Expr *unwrap(const Expr *E) {
  while (E) {
    E = E->IgnoreImplicit()->IgnoreParens();
    const auto *Construct = dyn_cast<CXXConstructExpr>(E);
    if (!Construct || Construct->getNumArgs() != 1 ||
        !(Construct->getConstructor()->isCopyOrMoveConstructor()))
      return E;
    E = Construct->getArg(0);
  }
  return E;
}

const CallExpr *awaitedCall(const Stmt &S) {
  const Expr *Operand = nullptr;
  if (const auto *Await = dyn_cast<CoawaitExpr>(&S))
    Operand = Await->isImplicit() ? nullptr : Await->getOperand();
  else if (const auto *Dependent = dyn_cast<DependentCoawaitExpr>(&S))
    Operand = Dependent->getOperand();
  return dyn_cast_or_null<CallExpr>(unwrap(Operand));
}

static const CXXRecordDecl *classOf(QualType T) {
  T = T.getNonReferenceType();
  if (T->isPointerType())
    T = T->getPointeeType();
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  return RD && RD->hasDefinition() ? RD->getDefinition() : nullptr;
}

static bool returnsAwaitable(const CXXMethodDecl &M, const AsyncModel &Model) {
  return Model.isAwaitableType(M.getReturnType());
}

bool isCoroutineMutex(QualType T, const AsyncModel &Model) {
  const CXXRecordDecl *RD = classOf(T);
  if (!RD)
    return false;
  bool Unlock = false, Awaitable = false;
  for (const CXXMethodDecl *M : RD->methods()) {
    if (M->getIdentifier() && M->getName() == "unlock")
      Unlock = true;
    else if (!M->isStatic() && returnsAwaitable(*M, Model))
      Awaitable = true;
  }
  return Unlock && Awaitable;
}

/// A lock() that blocks the thread, beside the awaitable ones.
static bool hasThreadLock(QualType T, const AsyncModel &Model) {
  const CXXRecordDecl *RD = classOf(T);
  if (!RD)
    return false;
  for (const CXXMethodDecl *M : RD->methods())
    if (M->getIdentifier() && M->getName() == "lock" &&
        !returnsAwaitable(*M, Model))
      return true;
  return false;
}

namespace {
/// How a lock's initializer names its mutex.
struct LockSource {
  const Expr *Mutex = nullptr;
  bool Awaited = false; // initialized by co_await
  bool Adopted = false; // std::adopt_lock
};
} // namespace

static LockSource sourceOf(const VarDecl &Lock) {
  LockSource Source;
  const Expr *Init = unwrap(Lock.getInit());
  if (!Init)
    return Source;
  if (const CallExpr *Awaited = awaitedCall(*Init)) {
    Source.Mutex = callSubject(*Awaited);
    Source.Awaited = true;
  } else if (const auto *Construct = dyn_cast<CXXConstructExpr>(Init)) {
    if (Construct->getNumArgs() == 0)
      return Source;
    Source.Mutex = Construct->getArg(0);
    for (const Expr *Arg : Construct->arguments())
      if (const CXXRecordDecl *Tag = classOf(Arg->getType()))
        if (Tag->getIdentifier() && adoptLockTags().contains(apiName(*Tag)))
          Source.Adopted = true;
  }
  return Source;
}

bool isAcquiredBySuspension(const VarDecl &Lock, const AsyncModel &Model) {
  LockSource Source = sourceOf(Lock);
  if (!Source.Mutex || !isCoroutineMutex(Source.Mutex->getType(), Model))
    return false;
  return Source.Awaited ||
         (Source.Adopted && !hasThreadLock(Source.Mutex->getType(), Model));
}

bool releasesWhileSuspended(const VarDecl &Lock, const Stmt &Suspension,
                            const AsyncModel &Model) {
  const CallExpr *Call = awaitedCall(Suspension);
  if (!Call)
    return false;
  LockSource Source = sourceOf(Lock);
  if (!Source.Mutex || !isCoroutineMutex(Source.Mutex->getType(), Model))
    return false;
  const ValueDecl *Mutex = referencedDecl(Source.Mutex);
  for (const Expr *Arg : Call->arguments()) {
    const ValueDecl *D = referencedDecl(Arg);
    if (D && (D == &Lock || D == Mutex))
      return true;
  }
  return false;
}

} // namespace clang::tidy::async::model

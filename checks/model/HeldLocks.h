//===--- HeldLocks.h - What happens while an RAII lock is held ------------===//
//
// Walks a function body in source order and reports the statements that run
// while a local RAII lock (AsyncModel::isLockType) is held: from its
// declaration to the end of its scope, or to an earlier unlock()/release()
// or std::move of it. Lambdas and nested coroutines are other functions and
// are not entered.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_CHECKS_MODEL_HELDLOCKS_H
#define ASYNC_TIDY_CHECKS_MODEL_HELDLOCKS_H

#include "AsyncModel.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/STLFunctionalExtras.h"

namespace clang::tidy::async::model {

/// Calls \p OnEvent(Lock, S) for the statements S that satisfy \p IsEvent
/// while Lock is held (only the first per lock with \p FirstOnly), for
/// every lock declared in \p Body.
void forEachEventUnderLock(
    const Stmt *Body, const AsyncModel &Model,
    llvm::function_ref<bool(const Stmt &)> IsEvent, bool FirstOnly,
    llvm::function_ref<void(const VarDecl &Lock, const Stmt &Event)> OnEvent);

/// A suspension the user wrote: co_await (not the implicit initial and
/// final ones) or co_yield.
bool isSuspension(const Stmt &S);

} // namespace clang::tidy::async::model

#endif // ASYNC_TIDY_CHECKS_MODEL_HELDLOCKS_H

//===--- Suspensions.h - What a coroutine does after it first suspends ----===//
//
// An eager coroutine runs until its first suspension inside the call that
// starts it; what it touches only before that point is safe to destroy at
// the end of the caller's full-expression.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_CHECKS_MODEL_SUSPENSIONS_H
#define ASYNC_TIDY_CHECKS_MODEL_SUSPENSIONS_H

#include "clang/AST/Stmt.h"
#include "llvm/ADT/STLFunctionalExtras.h"

namespace clang::tidy::async::model {

/// Whether some node for which \p IsUse holds can run after \p Body has
/// suspended once: it follows the first suspension, or it is in a loop
/// that suspends. Nested lambdas are not part of the body.
bool usedAfterSuspension(const Stmt &Body,
                         llvm::function_ref<bool(const Stmt &)> IsUse);

} // namespace clang::tidy::async::model

#endif // ASYNC_TIDY_CHECKS_MODEL_SUSPENSIONS_H

//===--- Continuations.h - What a continuation does with errors -----------===//
//
// A continuation chain (pplx 'then', boost::future::then, folly thenTry)
// runs without anyone holding its last task; dropping that task loses an
// error only when the last continuation can end with one.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_CHECKS_MODEL_CONTINUATIONS_H
#define ASYNC_TIDY_CHECKS_MODEL_CONTINUATIONS_H

#include "AsyncModel.h"

namespace clang::tidy::async::model {

/// Whether \p Call attaches a continuation that handles every error
/// itself: it takes the antecedent's task or outcome (so it runs when the
/// antecedent fails), reads it only inside a try block with a handler, and
/// throws nothing outside one. The task it returns then carries no error.
bool handlesItsErrors(const CallExpr &Call, const AsyncModel &Model);

} // namespace clang::tidy::async::model

#endif // ASYNC_TIDY_CHECKS_MODEL_CONTINUATIONS_H

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

/// Whether \p Call attaches a continuation: a scheduling call of that
/// kind, or a member of a task type that takes a callable and returns a
/// task (Seastar's then, then_wrapped, finally, handle_exception), which
/// runs the callable when the task completes and destroys it after.
bool attachesContinuation(const CallExpr &Call, const AsyncModel &Model);

/// Whether \p Call attaches a continuation that handles every error
/// itself: it takes the antecedent's task or outcome (so it runs when the
/// antecedent fails), reads it only inside a try block with a handler, and
/// throws nothing outside one. The task it returns then carries no error.
bool handlesItsErrors(const CallExpr &Call, const AsyncModel &Model);

/// Whether the task \p Call returns can end with an error that a dropped
/// handle loses: the coroutine it starts throws outside a try block, or
/// awaits a call whose task can (followed \p Depth calls deep), or a plain
/// function returns such a task. A callee whose body is not visible can;
/// a self-observed result ('QCoro::Task::then') and an awaited operation
/// whose body is not visible (a library's, reporting errors as values)
/// cannot.
bool mayEndInError(const CallExpr &Call, const AsyncModel &Model,
                   unsigned Depth);

/// Whether \p Call is a plain function (no coroutine) whose every return
/// hands on a self-observed result ('return timer().then(f);').
bool forwardsSelfObservedResult(const CallExpr &Call, const AsyncModel &Model);

} // namespace clang::tidy::async::model

#endif // ASYNC_TIDY_CHECKS_MODEL_CONTINUATIONS_H

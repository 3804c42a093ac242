//===--- Primitives.h - Coroutine primitives and where they resume --------===//
//
// A coroutine primitive (an async event, mutex, latch, or an executor's
// schedule operation) is a class whose awaiter stores the waiting
// coroutine's handle, and which resumes that handle itself: set(),
// unlock(), or the executor's worker loop. Resuming there is the
// primitive's contract; misuse is the user calling it under a lock or from
// another subsystem's thread. These helpers answer the structural questions.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_CHECKS_MODEL_PRIMITIVES_H
#define ASYNC_TIDY_CHECKS_MODEL_PRIMITIVES_H

#include "AsyncModel.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"

namespace clang::tidy::async::model {

/// Whether \p Owner is the object the awaiter class \p Awaiter (the class
/// of a stored coroutine_handle member) belongs to: the awaiter itself or a
/// class derived from it, the class it is nested in, a class it refers to
/// through a member (its event, mutex or pool), or one that keeps it in a
/// member (a waiter list).
bool awaiterBelongsTo(const CXXRecordDecl &Awaiter, const CXXRecordDecl &Owner);

/// Whether \p Class may be a primitive's side: it, a class nested in it, a
/// class it keeps in a member or a class one of its methods returns holds
/// a coroutine_handle member. A cheap filter for the calls worth following.
bool mayHoldWaiters(const CXXRecordDecl &Class, const AsyncModel &Model);

/// A call of a library primitive's member that resumes its waiters inline
/// (table ASYNC_PRIMITIVE_COMPLETER), not the overload that hands them to an
/// executor (a template over the executor, or an executor argument).
bool resumesWaitersInline(const CallExpr &Call, const AsyncModel &Model);

/// Whether \p Resume, inside the lambda \p Callable given to a thread's
/// constructor, is an awaiter handing its own coroutine to a thread made
/// for it: the lambda is written in await_suspend, resumes a copy of that
/// function's handle parameter, and the resumption is its last statement.
bool isDedicatedResumeThread(const CallExpr &Resume,
                             const FunctionDecl &Callable);

} // namespace clang::tidy::async::model

#endif // ASYNC_TIDY_CHECKS_MODEL_PRIMITIVES_H

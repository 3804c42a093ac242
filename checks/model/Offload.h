//===--- Offload.h - Work moved to threads meant for blocking -------------===//
//
// Moving blocking work off the coroutine's thread is the remedy the blocking
// checks advise, not a finding. These helpers tell where work goes: onto an
// executor meant for blocking work (by type, by a call that always offloads,
// or by a name that says so on a scheduling target), into a new thread, or
// into the rest of a coroutine that moved itself onto such an executor.
// Tables: Offload.def.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_CHECKS_MODEL_OFFLOAD_H
#define ASYNC_TIDY_CHECKS_MODEL_OFFLOAD_H

#include "AsyncModel.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include <optional>

namespace clang::tidy::async::model {

/// Whether the scheduling call \p Call runs its work on a thread meant for
/// blocking work: a call that always does, or one whose target executor
/// (the object of a member call, else its first argument) is such an
/// executor.
bool offloadsWork(const CallExpr &Call, const AsyncModel &Model);

/// A member call that hands its callable arguments to its object, an
/// executor the model knows only for this (ASYNC_EXECUTOR_SUBMIT).
bool isExecutorSubmit(const CallExpr &Call);

/// For a statement 'co_await resume_on(ex);' or 'co_await ex.schedule();':
/// true when the rest of the coroutine runs on an executor meant for
/// blocking work, false when on any other; nothing for other statements.
std::optional<bool> executorSwitch(const Stmt &S, const AsyncModel &Model);

/// For a statement 'co_await pool.schedule();' or 'co_await post(ex, ...);':
/// whether it moves the rest of the coroutine onto an executor that is not
/// an event loop (ASYNC_EVENT_LOOP_TYPE), which may run it on another thread.
bool switchesOffEventLoop(const Stmt &S, const AsyncModel &Model);

/// Whether \p Call invokes a callable its function was given (a parameter,
/// a capture or a member): a library's bridge that runs what it received.
bool invokesGivenCallable(const CallExpr &Call);

/// Whether \p Callee hands \p Param to a new thread (a thread object or a
/// thread-spawning call) and uses it nowhere else.
bool movesIntoNewThread(const FunctionDecl &Callee, const ParmVarDecl &Param,
                        const AsyncModel &Model);

} // namespace clang::tidy::async::model

#endif // ASYNC_TIDY_CHECKS_MODEL_OFFLOAD_H

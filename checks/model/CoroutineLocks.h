//===--- CoroutineLocks.h - Locks a coroutine holds without a thread
//-------===//
//
// A lock taken by co_await on a coroutine mutex blocks no thread: its
// waiters suspend. A co_awaited condition variable wait that is given the
// lock (or its mutex) releases it while the coroutine is suspended.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_CHECKS_MODEL_COROUTINELOCKS_H
#define ASYNC_TIDY_CHECKS_MODEL_COROUTINELOCKS_H

#include "AsyncModel.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Stmt.h"

namespace clang::tidy::async::model {

/// The call a co_await awaits ('co_await pool.schedule()'), through
/// temporaries and copies; null for other statements.
const CallExpr *awaitedCall(const Stmt &S);

/// A mutex a coroutine can await: a class with 'unlock' and a member
/// function that returns an awaitable (coLock, lock_async, lock).
bool isCoroutineMutex(QualType T, const AsyncModel &Model);

/// A lock on a coroutine mutex acquired by suspending: initialized by
/// 'co_await m.coScopedLock()', or adopting ('std::adopt_lock') a mutex
/// that has no thread-blocking lock().
bool isAcquiredBySuspension(const VarDecl &Lock, const AsyncModel &Model);

/// \p Suspension awaits a call given \p Lock or its coroutine mutex
/// ('co_await cv.wait(mutex, pred)'), which holds it only while running.
bool releasesWhileSuspended(const VarDecl &Lock, const Stmt &Suspension,
                            const AsyncModel &Model);

} // namespace clang::tidy::async::model

#endif // ASYNC_TIDY_CHECKS_MODEL_COROUTINELOCKS_H

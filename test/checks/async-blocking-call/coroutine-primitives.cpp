// RUN: %check_async_tidy %s async-blocking-call %t -- \
// RUN:   --config="{CheckOptions: {LockTypes: 'coro::scoped_lock'}}"

// Coroutine-aware mutexes and condition variables: a lock taken by
// co_await blocks no thread, and a co_awaited wait given the lock releases
// it while suspended. Thread locks stay reported.

#include <mutex>
#include "async_simple/coro/Lazy.h"
#include "async_simple/coro/Mutex.h"
#include "coro/coro.hpp"
#include "cppcoro/async_mutex.hpp"
#include "cppcoro/task.hpp"

using async_simple::coro::ConditionVariable;
using async_simple::coro::Lazy;
using async_simple::coro::SpinLock;

std::mutex m;
Lazy<int> fetch();

// async_simple: a lock from co_await m.coScopedLock() held over a co_await.
Lazy<int> scoped_coroutine_lock(async_simple::coro::Mutex &cm) {
  auto lock = co_await cm.coScopedLock();
  co_return co_await fetch();
}

// The co_awaited condition variable wait releases the mutex it is given.
Lazy<void> wait_releases(SpinLock &spin, ConditionVariable<SpinLock> &cv,
                         bool &ready) {
  auto lock = co_await spin.coScopedLock();
  co_await cv.wait(spin, [&] { return ready; });
}

// Even a lock taken by SpinLock::lock(): the wait releases it.
struct Queue {
  Lazy<int> pop() {
    std::unique_lock lk(mutex);
    co_await cv.wait(mutex, [&] { return size > 0; });
    co_return --size;
  }
  SpinLock mutex;
  ConditionVariable<SpinLock> cv;
  int size = 0;
};

// Nearest true bug: the same thread-taken SpinLock held over another
// co_await; its waiters spin on lock().
Lazy<int> spin_held(SpinLock &spin) {
  std::unique_lock lk(spin);
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: lock 'lk' of type 'std::unique_lock<async_simple::coro::SpinLock>' is held across a suspension point in coroutine 'spin_held'
  co_return co_await fetch();
  // CHECK-MESSAGES: :[[@LINE-1]]:13: note: 'co_await' suspends here while 'lk' is held
}

// A wait on another mutex releases nothing of this std::mutex.
Lazy<void> wait_other(SpinLock &spin, ConditionVariable<SpinLock> &cv) {
  std::lock_guard<std::mutex> guard(m);
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: lock 'guard' of type 'std::lock_guard<std::mutex>' is held across a suspension point in coroutine 'wait_other'
  co_await cv.wait(spin, [] { return true; });
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: 'co_await' suspends here while 'guard' is held
}

// After the released wait, a later suspension still counts.
Lazy<void> wait_then_sleep(SpinLock &spin, ConditionVariable<SpinLock> &cv) {
  std::unique_lock lk(spin);
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: lock 'lk' of type 'std::unique_lock<async_simple::coro::SpinLock>' is held across a suspension point in coroutine 'wait_then_sleep'
  co_await cv.wait(spin, [] { return true; });
  co_await async_simple::coro::sleep(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: 'co_await' suspends here while 'lk' is held
}

// cppcoro: the documented idiom, lock_async() then adopt the lock.
cppcoro::task<int> fetch_cppcoro();
cppcoro::task<int> adopted(cppcoro::async_mutex &am) {
  co_await am.lock_async();
  std::lock_guard<cppcoro::async_mutex> guard(am, std::adopt_lock);
  co_return co_await fetch_cppcoro();
}

// Nearest true bug: a std::mutex locked by the thread, then adopted.
cppcoro::task<int> adopted_thread_lock() {
  m.lock();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: blocking call 'std::mutex::lock' inside coroutine 'adopted_thread_lock'
  std::lock_guard<std::mutex> guard(m, std::adopt_lock);
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: lock 'guard' of type 'std::lock_guard<std::mutex>' is held across a suspension point in coroutine 'adopted_thread_lock'
  co_return co_await fetch_cppcoro();
  // CHECK-MESSAGES: :[[@LINE-1]]:13: note: 'co_await' suspends here while 'guard' is held
}

// SpinLock can block in lock(): adopting it proves nothing.
Lazy<int> adopted_spin(SpinLock &spin) {
  std::unique_lock<SpinLock> lk(spin, std::adopt_lock);
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: lock 'lk' of type 'std::unique_lock<SpinLock>' is held across a suspension point in coroutine 'adopted_spin'
  co_return co_await fetch();
  // CHECK-MESSAGES: :[[@LINE-1]]:13: note: 'co_await' suspends here while 'lk' is held
}

// libcoro: coro::scoped_lock (a lock type here by LockTypes) from co_await.
coro::task<int> fetch_coro();
coro::task<int> libcoro_lock(coro::mutex &cm) {
  auto lock = co_await cm.scoped_lock();
  co_return co_await fetch_coro();
}

coro::task<int> libcoro_thread_lock() {
  std::scoped_lock guard(m);
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: lock 'guard' of type 'std::scoped_lock<std::mutex>' is held across a suspension point in coroutine 'libcoro_thread_lock'
  co_return co_await fetch_coro();
  // CHECK-MESSAGES: :[[@LINE-1]]:13: note: 'co_await' suspends here while 'guard' is held
}

// A blocking-looking call that returns an awaitable suspends instead:
// 'lock' with a sibling 'async_lock', 'read' with 'async_read'.
namespace app {
struct Gate {
  coro::task<void> lock();
  void async_lock();
  int read();
  void async_read();
};
} // namespace app

coro::task<void> awaited_lock(app::Gate &gate) {
  co_await gate.lock();
  int n = gate.read();
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: blocking call 'app::Gate::read' inside coroutine 'awaited_lock'; use its asynchronous sibling 'async_read' instead
  (void)n;
}

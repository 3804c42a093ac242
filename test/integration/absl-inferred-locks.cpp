// Real Abseil headers from Debian (libabsl-dev): absl::ReleasableMutexLock
// and absl::Mutex::Lock are in no table; the model infers them (an RAII
// class built from a mutex-like class whose Lock blocks the thread, and that
// mutex's Lock member). Held across co_await, or called in a coroutine,
// they are reported with inference and not without it (the second run), so
// the test fails when InferLocks does nothing. absl::MutexLock is in the
// tables and is reported in both runs. A lock released before the
// suspension, and absl's own AssertHeld, are left alone.
// REQUIRES: absl
// RUN: %check_async_tidy --no-mocks --check-suffixes=,INFER %s async-blocking-call %t -- -- -std=c++20
// RUN: %check_async_tidy --no-mocks %s async-blocking-call %t.off -- \
// RUN:   --config="{CheckOptions: {InferLocks: false}}" -- -std=c++20

#include <absl/synchronization/mutex.h>
#include <coroutine>

// A minimal eager coroutine task and an awaitable that suspends.
struct task {
  struct promise_type {
    task get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};
struct next_tick {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  void await_resume() const noexcept {}
};

absl::Mutex mu;
int shared_count = 0;

task table_lock_held() {
  absl::MutexLock lock(&mu);
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: lock 'lock' of type 'absl::MutexLock' is held across a suspension point in coroutine 'table_lock_held'; {{.*}}
  co_await next_tick{};
  ++shared_count;
}

task inferred_lock_held() {
  absl::ReleasableMutexLock lock(&mu);
  // CHECK-MESSAGES-INFER: :[[@LINE-1]]:29: warning: lock 'lock' of type 'absl::ReleasableMutexLock' is held across a suspension point in coroutine 'inferred_lock_held'; {{.*}}
  co_await next_tick{};
  ++shared_count;
}

task inferred_mutex_locked() {
  mu.Lock();
  // CHECK-MESSAGES-INFER: :[[@LINE-1]]:6: warning: blocking call 'absl::Mutex::Lock' inside coroutine 'inferred_mutex_locked'; {{.*}}
  ++shared_count;
  mu.Unlock();
  co_await next_tick{};
}

task released_before_suspending() {
  {
    absl::MutexLock lock(&mu);
    ++shared_count;
  }
  absl::ReleasableMutexLock releasable(&mu);
  ++shared_count;
  releasable.Release();
  co_await next_tick{};
  mu.AssertHeld();
}

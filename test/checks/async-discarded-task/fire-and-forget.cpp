// RUN: %check_async_tidy %s async-discarded-task %t

// A coroutine type whose promise suspends neither at the start nor at the
// end runs at once and destroys its own frame; when the object it returns
// offers nothing to await or wait on, dropping it is how it is used. An
// eager task that keeps its result (final_suspend suspends) or can be
// awaited is still a task whose errors are lost when it is dropped.

#include <coroutine>
#include "concurrencpp/concurrencpp.h"
#include "coro/coro.hpp"
#include "cppcoro/task.hpp"

struct fire_and_forget {
  struct promise_type {
    fire_and_forget get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};

fire_and_forget notify(coro::thread_pool &pool) {
  co_await pool.schedule();
}
fire_and_forget log_later(cppcoro::task<int> value) { (void)co_await value; }

void start(coro::thread_pool &pool, cppcoro::task<int> value) {
  notify(pool);
  log_later(static_cast<cppcoro::task<int> &&>(value));
}

// Eager, but the frame outlives the body (final_suspend suspends): the
// object owns the result and its error.
struct eager_result {
  struct promise_type {
    eager_result get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};
eager_result compute();

// Self-destroying, but awaitable: someone is meant to wait for it.
struct awaitable_fire {
  struct promise_type {
    awaitable_fire get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) {}
  void await_resume() {}
};
awaitable_fire flush();

concurrencpp::result<int> fetch();

void dropped() {
  compute();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'eager_result' returned by 'compute' is discarded; its completion and errors are never observed
  flush();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'awaitable_fire' returned by 'flush' is discarded; its completion and errors are never observed
  fetch();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'concurrencpp::result<int>' returned by 'fetch' is discarded; its completion and errors are never observed
}

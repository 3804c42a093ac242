// Mock of libcoro (coro::task, coro::sync_wait, coro::thread_pool).
#pragma once
#include <coroutine>
#include <exception>

namespace coro {
template <class T = void> class task {
public:
  struct promise_type {
    task get_return_object();
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void unhandled_exception() {}
    template <class U> void return_value(U &&) {}
  };
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) {}
  T await_resume();
};
template <> struct task<void>::promise_type {
  task get_return_object();
  std::suspend_always initial_suspend() noexcept { return {}; }
  std::suspend_always final_suspend() noexcept { return {}; }
  void unhandled_exception() {}
  void return_void() {}
};

template <class Awaitable> auto sync_wait(Awaitable &&a) {
  return a.await_resume();
}

class thread_pool {
public:
  struct schedule_operation {
    bool await_ready() const noexcept { return false; }
    void await_suspend(std::coroutine_handle<>) {}
    void await_resume() {}
  };
  schedule_operation schedule();
};
} // namespace coro

// Mock of folly::coro::Task and folly::coro::blockingWait.
#pragma once
#include <coroutine>
#include <exception>

namespace folly::coro {
template <class T = void> class Task {
public:
  struct promise_type {
    Task get_return_object();
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void unhandled_exception() {}
    template <class U> void return_value(U &&) {}
  };
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) {}
  T await_resume();
};
template <> struct Task<void>::promise_type {
  Task get_return_object();
  std::suspend_always initial_suspend() noexcept { return {}; }
  std::suspend_always final_suspend() noexcept { return {}; }
  void unhandled_exception() {}
  void return_void() {}
};
// Moves the callable into a coroutine frame that awaits the task it returns.
template <class F> auto co_invoke(F &&f) -> decltype(f()) { return f(); }
template <class Awaitable> auto blockingWait(Awaitable &&a) {
  return a.await_resume();
}
} // namespace folly::coro

// Mock of async_simple's Lazy (async_simple/coro/Lazy.h): a lazy task.
#pragma once
#include <coroutine>
#include <exception>

namespace async_simple::coro {
template <class T = void> class Lazy {
public:
  struct promise_type {
    Lazy get_return_object();
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void unhandled_exception() {}
    template <class U> void return_value(U &&) {}
  };
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) {}
  T await_resume();
};
template <> struct Lazy<void>::promise_type {
  Lazy get_return_object();
  std::suspend_always initial_suspend() noexcept { return {}; }
  std::suspend_always final_suspend() noexcept { return {}; }
  void unhandled_exception() {}
  void return_void() {}
};
} // namespace async_simple::coro

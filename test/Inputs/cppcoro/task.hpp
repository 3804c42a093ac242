// Mock of cppcoro::task (lazy, awaitable, nested promise_type).
#pragma once
#include <coroutine>
#include <exception>

namespace cppcoro {
template <class T = void> class task {
public:
  struct promise_type {
    task get_return_object();
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void unhandled_exception() {}
    template <class U> void return_value(U &&) {}
  };
  struct awaiter {
    bool await_ready() const noexcept { return false; }
    void await_suspend(std::coroutine_handle<>) {}
    T await_resume();
  };
  awaiter operator co_await() const & noexcept;
  awaiter operator co_await() const && noexcept;
  bool is_ready() const noexcept;
};
template <> struct task<void>::promise_type {
  task get_return_object();
  std::suspend_always initial_suspend() noexcept { return {}; }
  std::suspend_always final_suspend() noexcept { return {}; }
  void unhandled_exception() {}
  void return_void() {}
};

template <class T> class shared_task : public task<T> {};
} // namespace cppcoro

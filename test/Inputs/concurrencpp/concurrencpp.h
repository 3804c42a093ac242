// Mock of concurrencpp (concurrencpp/concurrencpp.h): eager result<T>
// coroutines, result_promise, executors.
#pragma once
#include <coroutine>
#include <exception>
#include <memory>

namespace concurrencpp {
template <class T> class result {
public:
  struct promise_type {
    result get_return_object();
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void unhandled_exception() {}
    template <class U> void return_value(U &&) {}
  };
  T get();
  void wait();
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) {}
  T await_resume();
};
template <> struct result<void>::promise_type {
  result get_return_object();
  std::suspend_never initial_suspend() noexcept { return {}; }
  std::suspend_always final_suspend() noexcept { return {}; }
  void unhandled_exception() {}
  void return_void() {}
};
template <class T> class result_promise {
public:
  result<T> get_result();
  template <class... A> void set_result(A &&...args);
  void set_exception(std::exception_ptr error);
};
class manual_executor {
public:
  template <class F> void post(F &&f) {}
  bool loop_once();
};
} // namespace concurrencpp

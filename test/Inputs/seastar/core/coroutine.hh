// Mock of seastar/core/coroutine.hh: future<T> is a coroutine return type
// (promise_type comes from a std::coroutine_traits specialization, not a
// nested member) and is awaitable through a free operator co_await.
#pragma once
#include <coroutine>
#include <seastar/core/future.hh>

namespace seastar {
namespace internal {
template <typename T> struct awaiter {
  future<T> _future;
  bool await_ready() const noexcept { return _future.available(); }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  typename future<T>::value_type await_resume() { return _future.get(); }
};
template <typename T> struct coroutine_promise {
  future<T> get_return_object() noexcept;
  std::suspend_never initial_suspend() noexcept { return {}; }
  std::suspend_never final_suspend() noexcept { return {}; }
  void unhandled_exception() noexcept {}
  template <typename U> void return_value(U &&) {}
};
template <> struct coroutine_promise<void> {
  future<> get_return_object() noexcept;
  std::suspend_never initial_suspend() noexcept { return {}; }
  std::suspend_never final_suspend() noexcept { return {}; }
  void unhandled_exception() noexcept {}
  void return_void() noexcept {}
};
} // namespace internal

template <typename T> internal::awaiter<T> operator co_await(future<T> f) noexcept {
  return {std::move(f)};
}

namespace coroutine {
// Wraps a coroutine lambda given to then() and the like so that the closure
// outlives the coroutine (the real one keeps a pointer and is used within
// one co_await full-expression).
template <typename Func> class lambda {
  Func *_func;

public:
  explicit lambda(Func &&func) : _func(&func) {}
  template <typename... Args> decltype(auto) operator()(Args &&...args) const {
    return (*_func)(static_cast<Args &&>(args)...);
  }
};
} // namespace coroutine
} // namespace seastar

template <typename T, typename... Args>
struct std::coroutine_traits<seastar::future<T>, Args...> {
  using promise_type = seastar::internal::coroutine_promise<T>;
};

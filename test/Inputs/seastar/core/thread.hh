// Mock of seastar/core/thread.hh: seastar::async runs func in a
// seastar::thread, where future::get() may block (it yields the thread
// instead of blocking the reactor).
#pragma once
#include <seastar/core/future.hh>
#include <seastar/util/noncopyable_function.hh>
#include <type_traits>
#include <utility>

namespace seastar {
class thread {
  noncopyable_function<void()> _func;

public:
  template <typename Func> explicit thread(Func func) : _func(std::move(func)) {}
  future<> join();
};

template <typename Func, typename... Args>
futurize_t<std::invoke_result_t<Func, Args...>> async(Func &&func, Args &&...args) noexcept {
  using R = futurize_t<std::invoke_result_t<Func, Args...>>;
  thread th([&func, &args...] { std::forward<Func>(func)(std::forward<Args>(args)...); });
  (void)th.join();
  return internal::make_pending<R>();
}
} // namespace seastar

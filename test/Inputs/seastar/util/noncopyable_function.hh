// Mock of seastar/util/noncopyable_function.hh: a move-only type-erased
// callable. Timers and submit_to store callables through it.
#pragma once
#include <memory>
#include <utility>

namespace seastar {
template <typename Signature> class noncopyable_function;

template <typename Ret, typename... Args>
class noncopyable_function<Ret(Args...)> {
  struct callable_base {
    virtual ~callable_base() = default;
    virtual Ret call(Args... args) = 0;
  };
  template <typename Func> struct callable : callable_base {
    Func func;
    explicit callable(Func f) : func(std::move(f)) {}
    Ret call(Args... args) override { return func(std::forward<Args>(args)...); }
  };
  std::unique_ptr<callable_base> _impl;

public:
  noncopyable_function() noexcept = default;
  template <typename Func>
  noncopyable_function(Func func)
      : _impl(new callable<Func>(std::move(func))) {}
  noncopyable_function(noncopyable_function &&) noexcept = default;
  noncopyable_function &operator=(noncopyable_function &&) noexcept = default;
  Ret operator()(Args... args) const {
    return _impl->call(std::forward<Args>(args)...);
  }
  explicit operator bool() const { return bool(_impl); }
};
} // namespace seastar

// Mock of folly/Function.h: a move-only type-erased callable. Executors
// take their work as folly::Function<void()> by value.
#pragma once
#include <memory>
#include <utility>

namespace folly {
template <typename FunctionType> class Function;

template <typename R, typename... Args> class Function<R(Args...)> {
  struct Base {
    virtual ~Base() = default;
    virtual R call(Args... args) = 0;
  };
  template <typename Fun> struct Impl : Base {
    Fun fun;
    explicit Impl(Fun f) : fun(std::move(f)) {}
    R call(Args... args) override { return fun(std::forward<Args>(args)...); }
  };
  std::unique_ptr<Base> impl_;

public:
  Function() noexcept = default;
  template <typename Fun>
  /* implicit */ Function(Fun fun) : impl_(new Impl<Fun>(std::move(fun))) {}
  Function(Function &&) noexcept = default;
  Function &operator=(Function &&) noexcept = default;
  R operator()(Args... args) { return impl_->call(std::forward<Args>(args)...); }
  explicit operator bool() const noexcept { return bool(impl_); }
};
} // namespace folly

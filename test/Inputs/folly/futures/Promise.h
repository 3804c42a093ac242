// Mock of folly/futures/Promise.h: the promise hands out its Future (or
// SemiFuture) once and completes it with setValue/setException/setWith.
// Callbacks attached with thenValue without an executor run inline on the
// thread that calls setValue.
#pragma once
#include <exception>
#include <folly/futures/Future.h>

namespace folly {
template <class T> class Promise {
public:
  Promise();
  Promise(Promise &&) noexcept;
  Promise &operator=(Promise &&) noexcept;
  ~Promise();
  SemiFuture<T> getSemiFuture();
  Future<T> getFuture();
  template <class M> void setValue(M &&value);
  void setException(std::exception_ptr ew);
  template <class F> void setWith(F &&func) { setValue(std::forward<F>(func)()); }
  bool isFulfilled() const noexcept;
};
template <> class Promise<void> {
public:
  Promise();
  Promise(Promise &&) noexcept;
  SemiFuture<void> getSemiFuture();
  Future<void> getFuture();
  void setValue();
  void setException(std::exception_ptr ew);
  bool isFulfilled() const noexcept;
};
} // namespace folly

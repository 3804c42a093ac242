// Mock of folly futures.
#pragma once
#include <folly/Executor.h>
#include <type_traits>
#include <utility>

namespace folly {
template <class T> class Try {
public:
  T &value();
};
template <class T> class SemiFuture {
public:
  T get() &&;
  SemiFuture &wait() &;
  bool isReady() const;
  template <class F> SemiFuture<std::invoke_result_t<F, T>> deferValue(F &&f) && {
    return {};
  }
};
template <class T> class Future {
public:
  T get() &&;
  Future &wait() &;
  bool isReady() const;
  template <class F> Future<std::invoke_result_t<F, T>> thenValue(F &&f) && {
    return {};
  }
  template <class F> Future<std::invoke_result_t<F, Try<T>>> thenTry(F &&f) && {
    return {};
  }
  Future<T> via(Executor *) &&;
};
template <class T> Future<T> makeFuture(T value);
} // namespace folly

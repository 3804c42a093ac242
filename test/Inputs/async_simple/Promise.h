// Mock of async_simple's Future/Promise (async_simple/Promise.h).
#pragma once
#include <exception>

namespace async_simple {
template <class T> class Future {
public:
  T get() &&;
  void wait();
};
template <class T> class Promise {
public:
  Future<T> getFuture();
  void setValue(T value);
  void setException(std::exception_ptr error);
};
} // namespace async_simple

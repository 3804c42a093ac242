// Mock of async_simple::coro::Generator (async_simple/coro/Generator.h):
// a synchronous generator, iterated with begin()/end().
#pragma once
#include <coroutine>

namespace async_simple::coro {
template <class T> class Generator {
public:
  struct promise_type {
    Generator get_return_object();
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    std::suspend_always yield_value(T) noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
  struct iterator {
    iterator &operator++();
    const T &operator*() const;
    bool operator!=(const iterator &) const;
  };
  iterator begin();
  iterator end();
};
} // namespace async_simple::coro

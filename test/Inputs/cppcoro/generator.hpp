// Mock of cppcoro::generator (co_yield).
#pragma once
#include <coroutine>
#include <exception>

namespace cppcoro {
template <class T> class generator {
public:
  struct promise_type {
    generator get_return_object();
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    std::suspend_always yield_value(T) noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
  struct iterator {
    iterator &operator++();
    T &operator*() const;
    bool operator==(const iterator &) const;
  };
  iterator begin();
  iterator end() noexcept;
};
} // namespace cppcoro

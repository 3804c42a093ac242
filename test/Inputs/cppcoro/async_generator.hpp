// Mock of cppcoro::async_generator: co_yield in a coroutine that may
// co_await; iterated with 'co_await gen.begin()' and 'co_await ++it'.
#pragma once
#include <coroutine>
#include <exception>

namespace cppcoro {
template <class T> class async_generator {
public:
  struct promise_type {
    async_generator get_return_object() noexcept;
    std::suspend_always initial_suspend() const noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    std::suspend_always yield_value(T &) noexcept { return {}; }
    void unhandled_exception() noexcept {}
    void return_void() noexcept {}
  };
  struct iterator {
    bool operator==(const iterator &) const noexcept;
    T &operator*() const noexcept;
  };
  struct begin_operation {
    bool await_ready() const noexcept { return false; }
    void await_suspend(std::coroutine_handle<>) noexcept {}
    iterator await_resume();
  };
  begin_operation begin() noexcept;
  iterator end() noexcept;
};
} // namespace cppcoro

// Mock of winrt/base.h (C++/WinRT): resume_background() returns an
// awaitable that resumes the coroutine on a thread-pool thread;
// fire_and_forget is an eager coroutine type whose result nobody can observe.
#pragma once
#include <coroutine>
#include <cstdint>

namespace winrt {
namespace Windows::Foundation {
struct IUnknown {
  IUnknown() noexcept = default;
  IUnknown(std::nullptr_t) noexcept {}
  explicit operator bool() const noexcept;
};
struct IInspectable : IUnknown {
  IInspectable() noexcept = default;
};
} // namespace Windows::Foundation

struct fire_and_forget {};

[[nodiscard]] inline auto resume_background() noexcept {
  struct awaitable {
    bool await_ready() const noexcept { return false; }
    void await_resume() const noexcept {}
    void await_suspend(std::coroutine_handle<> handle) const;
  };
  return awaitable{};
}

template <typename T> struct com_ptr {
  T *get() const noexcept;
  T *operator->() const noexcept;
};
} // namespace winrt

template <typename... Args>
struct std::coroutine_traits<winrt::fire_and_forget, Args...> {
  struct promise_type {
    winrt::fire_and_forget get_return_object() const noexcept { return {}; }
    void return_void() const noexcept {}
    std::suspend_never initial_suspend() const noexcept { return {}; }
    std::suspend_never final_suspend() const noexcept { return {}; }
    void unhandled_exception() const noexcept {}
  };
};

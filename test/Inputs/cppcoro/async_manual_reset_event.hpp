// Mock of cppcoro::async_manual_reset_event: set() resumes the waiters
// inline (cppcoro/async_manual_reset_event.hpp; bodies in the library).
#pragma once
#include <coroutine>

namespace cppcoro {
class async_manual_reset_event;
class async_manual_reset_event_operation {
public:
  explicit async_manual_reset_event_operation(
      const async_manual_reset_event &event) noexcept;
  bool await_ready() const noexcept;
  bool await_suspend(std::coroutine_handle<> awaiter) noexcept;
  void await_resume() const noexcept {}

private:
  const async_manual_reset_event &m_event;
  async_manual_reset_event_operation *m_next;
  std::coroutine_handle<> m_awaiter;
};
class async_manual_reset_event {
public:
  async_manual_reset_event(bool initiallySet = false) noexcept;
  async_manual_reset_event_operation operator co_await() const noexcept;
  bool is_set() const noexcept;
  void set() noexcept;
  void reset() noexcept;
};
} // namespace cppcoro

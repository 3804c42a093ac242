// Mock of cppcoro::static_thread_pool.
#pragma once
#include <coroutine>

namespace cppcoro {
class static_thread_pool {
public:
  class schedule_operation {
  public:
    bool await_ready() const noexcept { return false; }
    void await_suspend(std::coroutine_handle<>) noexcept {}
    void await_resume() noexcept {}
  };
  explicit static_thread_pool(unsigned threadCount = 0);
  schedule_operation schedule() noexcept;
};
} // namespace cppcoro

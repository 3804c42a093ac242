// Mock of cppcoro::async_mutex (cppcoro/async_mutex.hpp).
#pragma once
#include <coroutine>
#include <mutex>

namespace cppcoro {
class async_mutex;
class async_mutex_lock {
public:
  explicit async_mutex_lock(async_mutex &m, std::adopt_lock_t) noexcept;
  ~async_mutex_lock();
};
class async_mutex_lock_operation {
public:
  bool await_ready() const noexcept { return false; }
  bool await_suspend(std::coroutine_handle<>) noexcept { return true; }
  void await_resume() const noexcept {}
};
class async_mutex_scoped_lock_operation : public async_mutex_lock_operation {
public:
  async_mutex_lock await_resume() const noexcept;
};
// No lock(): a waiter can only suspend (or try_lock).
class async_mutex {
public:
  bool try_lock() noexcept;
  async_mutex_lock_operation lock_async() noexcept;
  async_mutex_scoped_lock_operation scoped_lock_async() noexcept;
  void unlock();
};
} // namespace cppcoro

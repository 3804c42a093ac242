// Mock of async_simple's coroutine mutexes (async_simple/coro/Mutex.h,
// SpinLock.h) and ConditionVariable (ConditionVariable.h).
#pragma once
#include "async_simple/coro/Lazy.h"
#include <mutex>

namespace async_simple::coro {
// Waiters suspend; there is no thread-blocking lock().
class Mutex {
public:
  class LockAwaiter {
  public:
    bool await_ready() const noexcept { return false; }
    bool await_suspend(std::coroutine_handle<>) noexcept { return true; }
    void await_resume() noexcept {}
  };
  class ScopedLockAwaiter {
  public:
    bool await_ready() const noexcept { return false; }
    bool await_suspend(std::coroutine_handle<>) noexcept { return true; }
    std::unique_lock<Mutex> await_resume() noexcept;
  };
  bool try_lock() noexcept;
  ScopedLockAwaiter coScopedLock() noexcept;
  LockAwaiter coLock() noexcept;
  void unlock() noexcept;
};

// Spins: lock() blocks the thread, coLock() yields the coroutine.
class SpinLock {
public:
  Lazy<> coLock();
  void lock() noexcept;
  bool try_lock() noexcept;
  void unlock() noexcept;
  Lazy<std::unique_lock<SpinLock>> coScopedLock();
};

// wait() unlocks the mutex, suspends, and locks it again (coLock) before
// it resumes the waiter.
template <class Lock> class ConditionVariable {
public:
  template <class Pred> Lazy<> wait(Lock &lock, Pred &&pred) noexcept {
    return {};
  }
  void notify() noexcept;
  void notifyOne() noexcept;
};

Lazy<> sleep(int ms);
} // namespace async_simple::coro

// Mock of libcoro (coro::task, coro::sync_wait, coro::thread_pool,
// coro::mutex, coro::scheduler::poll, coro::event).
#pragma once
#include <coroutine>
#include <exception>

namespace coro {
template <class T = void> class task {
public:
  struct promise_type {
    task get_return_object();
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void unhandled_exception() {}
    template <class U> void return_value(U &&) {}
  };
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) {}
  T await_resume();
};
template <> struct task<void>::promise_type {
  task get_return_object();
  std::suspend_always initial_suspend() noexcept { return {}; }
  std::suspend_always final_suspend() noexcept { return {}; }
  void unhandled_exception() {}
  void return_void() {}
};

template <class Awaitable> auto sync_wait(Awaitable &&a) {
  return a.await_resume();
}

// An event a coroutine awaits until another thread sets it.
class event {
public:
  struct awaiter {
    bool await_ready() const noexcept { return false; }
    void await_suspend(std::coroutine_handle<>) noexcept {}
    void await_resume() noexcept {}
  };
  explicit event(bool initially_set = false);
  bool is_set() const noexcept;
  void set() noexcept;
  template <class Executor> void set(Executor &e) noexcept {}
  awaiter operator co_await() const noexcept { return {}; }
  void reset() noexcept;
};

class thread_pool {
public:
  struct schedule_operation {
    bool await_ready() const noexcept { return false; }
    void await_suspend(std::coroutine_handle<>) {}
    void await_resume() {}
  };
  schedule_operation schedule();
};
class mutex;
class scoped_lock {
public:
  explicit scoped_lock(mutex &m);
  ~scoped_lock();
  void unlock();
};
namespace detail {
template <class Return> struct lock_operation {
  bool await_ready() const noexcept { return false; }
  bool await_suspend(std::coroutine_handle<>) noexcept { return true; }
  Return await_resume() noexcept;
};
} // namespace detail
class mutex {
public:
  detail::lock_operation<scoped_lock> scoped_lock();
  detail::lock_operation<void> lock();
  bool try_lock();
  void unlock();
};

using fd_t = int;
enum class poll_op : unsigned { read = 1, write = 4, read_write = 5 };
enum class poll_status { event, read, write, timeout, error, closed };
class scheduler {
public:
  thread_pool::schedule_operation schedule();
  // Suspends until fd is ready for op (epoll), or the timeout.
  task<poll_status> poll(fd_t fd, poll_op op, int timeout_ms = 0);
};
} // namespace coro

// RUN: %check_async_tidy %s async-blocking-call %t

// A mutex whose lock() returns a type awaitable only through a non-member
// operator co_await beside it (as Seastar's future) is a coroutine mutex:
// a lock taken by co_await may be held across suspensions. A look-alike
// whose lock() returns a type that the neighbouring operator co_await does
// not take is a thread mutex, and holding it across co_await is reported.

#include <coroutine>
#include <mutex>

namespace lib {
template <typename T> struct ready {
  bool await_ready() const noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  T await_resume() const noexcept;
};
template <typename T> struct promise {};
// As Seastar's future: a member promise_type (not the coroutine promise).
template <typename T = void> struct fut {
  using promise_type = promise<T>;
  fut(fut &&) noexcept = default;
  fut(const fut &) = delete;
};
template <typename T> ready<T> operator co_await(fut<T> &&) noexcept {
  return {};
}

struct receipt {};

struct async_mutex {
  fut<> lock();
  void unlock();
};
struct plain_mutex {
  receipt lock();
  void unlock();
};
fut<std::unique_lock<async_mutex>> get_unique_lock(async_mutex &m);
} // namespace lib

struct task {
  struct promise_type {
    task get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};
struct next_tick {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  void await_resume() const noexcept {}
};

lib::async_mutex am;
lib::plain_mutex pm;

task async_lock_held() {
  auto lock = co_await lib::get_unique_lock(am);
  co_await next_tick{};
}

task plain_lock_held() {
  std::unique_lock<lib::plain_mutex> lock(pm);
  // CHECK-MESSAGES: :[[@LINE-1]]:38: warning: lock 'lock' of type 'std::unique_lock<lib::plain_mutex>' is held across a suspension point in coroutine 'plain_lock_held'; {{.*}}
  co_await next_tick{};
}

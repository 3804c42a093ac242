// Real headers: a cpprestsdk task_completion_event set under a lock_guard,
// and a hand-written awaitable resumed from a std::thread callback that
// goes on with other work.
// REQUIRES: cpprest
// RUN: %check_async_tidy --no-mocks %s async-inline-continuation %t -- -- -std=c++20

#include <pplx/pplxtasks.h>
#include <coroutine>
#include <mutex>
#include <thread>

class Cache {
public:
  void publish(int value) {
    std::lock_guard<std::mutex> lock(mutex_);
    value_ = value;
    ready_.set(value);
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'pplx::task_completion_event<int>::set' is called while lock 'lock' is held; the continuation of the waiter runs inline on this thread under the lock and deadlocks if it needs the same mutex; release the lock first, or post the completion to an executor [async-inline-continuation]
    // CHECK-MESSAGES: :[[@LINE-4]]:33: note: 'lock' is acquired here
  }
  void publish_fixed(int value) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      value_ = value;
    }
    ready_.set(value);
  }

private:
  std::mutex mutex_;
  int value_ = 0;
  pplx::task_completion_event<int> ready_;
};

// Resumes the awaiting coroutine on a thread started only for it: a
// hand-off, as posting is.
struct OffloadAwaiter {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<> h) {
    std::thread([h] { h.resume(); }).detach();
  }
  void await_resume() const noexcept {}
};

// The thread goes on with other work once the coroutine suspends again.
void poll_events();
struct PollerAwaiter {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<> h) {
    std::thread([h] {
      h.resume();
      // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: coroutine resumed inline inside a callback handed to 'std::thread'
      // CHECK-MESSAGES: :[[@LINE-3]]:5: note: the callback is registered here
      poll_events();
    }).detach();
  }
  void await_resume() const noexcept {}
};

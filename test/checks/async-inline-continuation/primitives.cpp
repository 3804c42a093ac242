// RUN: %check_async_tidy %s async-inline-continuation %t

#include <coroutine>
#include <memory>
#include <mutex>
#include <thread>
#include "boost/asio.hpp"
#include "coro/coro.hpp"
#include "cppcoro/async_manual_reset_event.hpp"

namespace asio = boost::asio;
std::mutex m;

// A primitive whose awaiter is nested and stores the handle in the
// primitive's waiter list: set() resuming the waiters is its contract.
namespace lib {
class event {
public:
  struct awaiter {
    event &owner;
    std::coroutine_handle<> handle;
    awaiter *next = nullptr;
    bool await_ready() const noexcept { return false; }
    void await_suspend(std::coroutine_handle<> h) noexcept {
      handle = h;
      next = owner.waiters;
      owner.waiters = this;
    }
    void await_resume() const noexcept {}
  };
  awaiter operator co_await() noexcept { return {*this}; }
  void set() noexcept { resume_all(); }

private:
  void resume_all() noexcept {
    for (awaiter *w = waiters; w; w = w->next)
      w->handle.resume();
  }
  awaiter *waiters = nullptr;
};

// The same primitive resuming under the std::mutex it took: a real risk.
class locked_event {
public:
  struct awaiter {
    locked_event &owner;
    std::coroutine_handle<> handle;
    bool await_ready() const noexcept { return false; }
    void await_suspend(std::coroutine_handle<> h) noexcept {
      handle = h;
      owner.waiter = this;
    }
    void await_resume() const noexcept {}
  };
  void set() {
    std::lock_guard<std::mutex> guard(mutex);
    waiter->handle.resume();
    // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: 'std::coroutine_handle<>::resume' is called while lock 'guard' is held
    // CHECK-MESSAGES: :[[@LINE-3]]:33: note: 'guard' is acquired here
  }

private:
  std::mutex mutex;
  awaiter *waiter = nullptr;
};

// An executor: the schedule operation stores the handle, the pool's own
// worker loop resumes it. That is where posting lands.
class pool {
public:
  struct schedule_operation {
    pool *owner;
    std::coroutine_handle<> handle;
    schedule_operation *next = nullptr;
    bool await_ready() const noexcept { return false; }
    void await_suspend(std::coroutine_handle<> h) noexcept {
      handle = h;
      owner->head = this;
    }
    void await_resume() const noexcept {}
  };
  schedule_operation schedule() { return {this}; }
  pool() : worker([this] { run(); }) {}

private:
  void run() {
    while (schedule_operation *op = head) {
      head = op->next;
      op->handle.resume();
    }
  }
  schedule_operation *head = nullptr;
  std::thread worker;
};
} // namespace lib

// The user's misuse is reported at the user's call.
void publish(lib::event &ready) {
  std::lock_guard<std::mutex> guard(m);
  ready.set();
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'lib::event::set' is called while lock 'guard' is held
  // CHECK-MESSAGES: :[[@LINE-3]]:31: note: 'guard' is acquired here
}

void publish_later(lib::event &ready) {
  {
    std::lock_guard<std::mutex> guard(m);
  }
  ready.set();
}

void on_timer(lib::event &ready, asio::steady_timer &timer) {
  timer.async_wait([&ready](boost::system::error_code) { ready.set(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:64: warning: 'lib::event::set' resumes the coroutines waiting on it inline inside a lambda used as completion handler of 'boost::asio::basic_waitable_timer::async_wait'; they continue on the thread that completes the operation
}

// Library primitives whose bodies are elsewhere: known by name.
void libraries(cppcoro::async_manual_reset_event &done, coro::event &ready,
               std::unique_ptr<coro::thread_pool> &tp,
               asio::steady_timer &timer) {
  done.set();
  ready.set();
  ready.set(tp); // hands the waiters to the pool
  std::unique_lock<std::mutex> lock(m);
  done.set();
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'cppcoro::async_manual_reset_event::set' is called while lock 'lock' is held
  // CHECK-MESSAGES: :[[@LINE-3]]:32: note: 'lock' is acquired here
  ready.set();
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'coro::event::set' is called while lock 'lock' is held
  // CHECK-MESSAGES: :[[@LINE-6]]:32: note: 'lock' is acquired here
  ready.set(tp);
  lock.unlock();
  timer.async_wait([&done](boost::system::error_code) { done.set(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:62: warning: 'cppcoro::async_manual_reset_event::set' resumes the coroutines waiting on it inline inside a lambda
}

// A helper of this file that completes the event, called from a completion
// handler: the waiters resume on the handler's thread all the same.
void finish(cppcoro::async_manual_reset_event &done) { done.set(); }
// CHECK-MESSAGES: :[[@LINE-1]]:61: warning: 'cppcoro::async_manual_reset_event::set' resumes the coroutines waiting on it inline inside 'finish', called from a lambda used as completion handler of 'boost::asio::basic_waitable_timer::async_wait'; they continue on the thread that completes the operation
// CHECK-MESSAGES: :[[@LINE+7]]:9: note: the lambda is the completion handler of 'boost::asio::basic_waitable_timer::async_wait' here
// CHECK-MESSAGES: :[[@LINE+6]]:57: note: 'finish' is called here from a lambda used as completion handler

// The same helper outside a completion handler, and one called from work
// posted to the context (it runs there): silent.
void on_timer_through_helper(cppcoro::async_manual_reset_event &done,
                             asio::steady_timer &timer) {
  timer.async_wait([&done](boost::system::error_code) { finish(done); });
}
void finish_now(cppcoro::async_manual_reset_event &done) { finish(done); }
void finish_posted(cppcoro::async_manual_reset_event &done) { done.set(); }
void on_posted(cppcoro::async_manual_reset_event &done, asio::io_context &ioc) {
  asio::post(ioc, [&done] { finish_posted(done); });
}

// An awaiter that starts a thread only to resume its own coroutine hands
// it off, as posting does.
struct on_new_thread {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<> continuation) noexcept {
    std::thread([c = continuation]() mutable { c.resume(); }).detach();
  }
  void await_resume() noexcept {}
};

// The thread goes on with other work after the resumption: the coroutine
// runs inline on a thread that is not its own.
void poll_events();
struct on_event_thread {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<> continuation) noexcept {
    std::thread([continuation] {
      continuation.resume();
      // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: coroutine resumed inline inside a callback handed to 'std::thread'
      // CHECK-MESSAGES: :[[@LINE-3]]:5: note: the callback is registered here
      poll_events();
    }).detach();
  }
  void await_resume() noexcept {}
};

// A stored handle resumed from outside the primitive is still reported.
void resume_from_outside(lib::locked_event::awaiter &w) {
  w.handle.resume();
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'handle' resumes a coroutine that 'await_suspend' stored, on whichever thread calls 'resume_from_outside'
}

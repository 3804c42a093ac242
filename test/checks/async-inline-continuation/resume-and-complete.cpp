// RUN: %check_async_tidy %s async-inline-continuation %t

#include <coroutine>
#include <functional>
#include <future>
#include <mutex>
#include <thread>
#include "boost/asio.hpp"
#include "pplx/pplxtasks.h"

namespace asio = boost::asio;
std::mutex m;

// Completing a promise or an event while holding a lock.
void complete(std::promise<int> &p, pplx::task_completion_event<int> &tce) {
  std::lock_guard<std::mutex> guard(m);
  p.set_value(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'std::promise<int>::set_value' is called while lock 'guard' is held; the continuation of the waiter runs inline on this thread under the lock and deadlocks if it needs the same mutex; release the lock first, or post the completion to an executor [async-inline-continuation]
  // CHECK-MESSAGES: :[[@LINE-3]]:31: note: 'guard' is acquired here
  tce.set(2);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'pplx::task_completion_event<int>::set' is called while lock 'guard' is held
  // CHECK-MESSAGES: :[[@LINE-6]]:31: note: 'guard' is acquired here
}

// Completed after the lock's scope ended, or after unlock(): fine.
void complete_later(std::promise<int> &p, std::coroutine_handle<> h) {
  {
    std::lock_guard<std::mutex> guard(m);
  }
  p.set_value(1);
  std::unique_lock<std::mutex> lk(m);
  lk.unlock();
  h.resume();
}

void resume_under_lock(std::coroutine_handle<> h) {
  std::scoped_lock lock(m);
  h();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::coroutine_handle<>::operator()' is called while lock 'lock' is held
  // CHECK-MESSAGES: :[[@LINE-3]]:20: note: 'lock' is acquired here
}

// A hand-written awaitable: await_suspend stores the handle, its own
// completer resumes it: the primitive's contract (its callers are judged,
// primitives.cpp).
class Event {
public:
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<> h) { waiter_ = h; }
  void await_resume() const noexcept {}

  void fire() { waiter_.resume(); }

  // Posting the resumption to the waiter's executor is the fix.
  void fire_on(asio::io_context &ioc) {
    asio::post(ioc, [h = waiter_] { h.resume(); });
  }

private:
  std::coroutine_handle<> waiter_;
};

// Symmetric transfer and final_suspend continuations are the protocol.
struct Transfer {
  std::coroutine_handle<> next;
  bool await_ready() const noexcept { return false; }
  std::coroutine_handle<> await_suspend(std::coroutine_handle<>) noexcept {
    return next;
  }
  void await_resume() const noexcept {}
};
struct FinalAwaiter {
  std::coroutine_handle<> continuation;
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept { continuation.resume(); }
  void await_resume() const noexcept {}
};

// Callbacks of other subsystems: a thread, an IO completion handler, a
// stored std::function.
struct Reactor {
  std::function<void()> on_ready;
};

void callbacks(std::coroutine_handle<> h, asio::steady_timer &timer,
               Reactor &reactor) {
  std::thread([h] { h.resume(); }).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: coroutine resumed inline inside a callback handed to 'std::thread'; it continues on that subsystem's thread; post the resumption to the coroutine's executor instead
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: the callback is registered here
  timer.async_wait([h](boost::system::error_code) { h.resume(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:55: warning: coroutine resumed inline inside a lambda used as completion handler of 'boost::asio::basic_waitable_timer::async_wait'; it continues on the thread that completes the operation, before the handler returns
  reactor.on_ready = [h] { h.resume(); };
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: coroutine resumed inline inside a callback handed to 'std::function::operator='
  // CHECK-MESSAGES: :[[@LINE-2]]:20: note: the callback is registered here
}

// A scheduler's own loop resumes what it dequeued: that is its job.
void run_queue(std::coroutine_handle<> *queue, int n) {
  for (int i = 0; i < n; ++i)
    queue[i].resume();
}

// The suggestion names an executor in scope: a parameter, a capture of the
// handler, or a member.
void with_executor(asio::io_context &ioc, asio::steady_timer &timer,
                   std::coroutine_handle<> h) {
  timer.async_wait([h](boost::system::error_code) { h.resume(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:55: warning: coroutine resumed inline inside a lambda used as completion handler of 'boost::asio::basic_waitable_timer::async_wait'; it continues on the thread that completes the operation, before the handler returns; post the resumption to 'ioc' instead (asio::post(ioc, [h] { h.resume(); }))
}

class Gate {
public:
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<> h) { waiter_ = h; }
  void await_resume() const noexcept {}
  void open() {
    std::thread([this] { waiter_.resume(); }).detach();
    // CHECK-MESSAGES: :[[@LINE-1]]:34: warning: coroutine resumed inline inside a callback handed to 'std::thread'; it continues on that subsystem's thread; post the resumption to 'executor_' instead (asio::post(executor_, [h] { h.resume(); }))
    // CHECK-MESSAGES: :[[@LINE-2]]:5: note: the callback is registered here
  }

private:
  asio::any_io_executor executor_;
  std::coroutine_handle<> waiter_;
};

// An awaiter whose await_suspend is deleted has no body to read.
struct NotAwaitable {
  bool await_ready() const noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) = delete;
  void await_resume() const noexcept {}
};

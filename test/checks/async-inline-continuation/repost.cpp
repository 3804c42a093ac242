// RUN: %check_async_tidy %s async-inline-continuation %t

// An awaiter outside any primitive that resumes its coroutine inline, on a
// foreign thread or in a stored callback, is correct when the coroutine at
// once moves itself onto its executor: the inline resumption only runs the
// switch ('co_await resume_on(ex)', 'co_await pool.schedule()' as the first
// statement after the await). Every co_await of the awaiter in the
// translation unit must be followed so.

#include <coroutine>
#include <functional>
#include <memory>
#include <thread>
#include "concurrencpp/concurrencpp.h"
#include "cppcoro/static_thread_pool.hpp"
#include "cppcoro/task.hpp"

struct Reactor {
  std::function<void()> on_ready;
};

// Resumes in a callback the reactor runs on its own thread.
struct ReadyAwaiter {
  Reactor &reactor;
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<> h) {
    reactor.on_ready = [h] { h.resume(); };
  }
  void await_resume() const noexcept {}
};

// Stores the handle; a thread of the library's resumes it.
struct Delivery {
  std::coroutine_handle<> waiter;
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<> h) { waiter = h; }
  int await_resume() const noexcept { return 1; }
  void deliver() {
    std::thread([this] { waiter.resume(); }).detach();
  }
};

int use(int);

concurrencpp::result<void>
wait_ready(Reactor &reactor,
           std::shared_ptr<concurrencpp::thread_pool_executor> ex) {
  co_await ReadyAwaiter{reactor};
  co_await concurrencpp::resume_on(ex);
  use(0);
}

cppcoro::task<int> receive(Delivery &d, cppcoro::static_thread_pool &pool) {
  int v = co_await d;
  co_await pool.schedule();
  co_return use(v);
}

// The nearest true bugs: the coroutine goes on inline first.

struct LateAwaiter {
  Reactor &reactor;
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<> h) {
    reactor.on_ready = [h] { h.resume(); };
    // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: coroutine resumed inline inside a callback handed to 'std::function::operator='; it continues on that subsystem's thread
    // CHECK-MESSAGES: :[[@LINE-2]]:22: note: the callback is registered here
  }
  void await_resume() const noexcept {}
};

cppcoro::task<int> late(Reactor &reactor, cppcoro::static_thread_pool &pool) {
  co_await LateAwaiter{reactor};
  int v = use(1); // runs on the reactor's thread
  co_await pool.schedule();
  co_return v;
}

// One co_await re-posts, another does not.
struct MixedDelivery {
  std::coroutine_handle<> waiter;
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<> h) { waiter = h; }
  void await_resume() const noexcept {}
  void deliver() {
    std::thread([this] { waiter.resume(); }).detach();
    // CHECK-MESSAGES: :[[@LINE-1]]:33: warning: coroutine resumed inline inside a callback handed to 'std::thread'
    // CHECK-MESSAGES: :[[@LINE-2]]:5: note: the callback is registered here
  }
};

cppcoro::task<int> mixed(MixedDelivery &d, cppcoro::static_thread_pool &pool) {
  co_await d;
  co_await pool.schedule();
  co_await d;
  co_return use(2);
}

// An awaited call that is no executor switch.
cppcoro::task<int> next_step();
struct StepAwaiter {
  Reactor &reactor;
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<> h) {
    reactor.on_ready = [h] { h.resume(); };
    // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: coroutine resumed inline inside a callback handed to 'std::function::operator='
    // CHECK-MESSAGES: :[[@LINE-2]]:22: note: the callback is registered here
  }
  void await_resume() const noexcept {}
};

cppcoro::task<int> stepped(Reactor &reactor) {
  co_await StepAwaiter{reactor};
  co_return co_await next_step();
}

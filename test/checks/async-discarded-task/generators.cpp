// RUN: %check_async_tidy %s async-discarded-task %t

// A generator (its promise has yield_value and the type is iterated) is not
// a task: one nobody iterates loses no work. Tasks stay tasks.

#include <coroutine>
#include "async_simple/coro/Generator.h"
#include "coro/coro.hpp"
#include "cppcoro/async_generator.hpp"
#include "cppcoro/generator.hpp"
#include "cppcoro/task.hpp"

cppcoro::generator<int> counter(int n);
cppcoro::async_generator<int> ticks();
async_simple::coro::Generator<int> numbers();

// A hand-written generator: promise with yield_value, begin()/end().
template <class T> struct Gen {
  struct promise_type {
    Gen get_return_object();
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    std::suspend_always yield_value(T) noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
  struct iterator {};
  iterator begin();
  iterator end();
};
Gen<int> squares();

void generators_dropped() {
  counter(3);
  ticks();
  numbers();
  squares();
  auto unused = numbers();
}

// A type whose promise yields but that nobody can iterate is consumed by
// awaiting it: still a task.
template <class T> struct Stream {
  struct promise_type {
    Stream get_return_object();
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    std::suspend_always yield_value(T) noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) {}
  T await_resume();
};
Stream<int> updates();

cppcoro::task<int> compute();
coro::task<int> fetch();

void tasks_dropped() {
  updates();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Stream<int>' returned by 'updates' is discarded; the work never starts unless it is awaited
  compute();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'cppcoro::task<int>' returned by 'compute' is discarded
  fetch();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'coro::task<int>' returned by 'fetch' is discarded
}

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

// The generator's iterator names the generator's promise (QCoro's
// GeneratorIterator): stepping it and dropping the result is iterating.
template <class T> struct Iterated {
  struct promise_type {
    Iterated get_return_object();
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    std::suspend_always yield_value(T) noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
  class Iterator {
    using promise_type = typename Iterated::promise_type;

  public:
    Iterator &operator++();
    T operator*() const;
    bool operator!=(const Iterator &) const;
  };
  Iterator begin();
  Iterator end();
};
Iterated<int> letters();

void generators_dropped() {
  counter(3);
  ticks();
  numbers();
  squares();
  auto unused = numbers();
  auto gen = letters();
  gen.begin();
  for (auto it = gen.begin(), end = gen.end(); it != end; ++it)
    (void)*it;
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

// An iterator of a yielding promise whose step must be awaited is an
// awaiter: dropping the step loses it.
template <class T> struct AwaitedStep {
  struct promise_type {
    AwaitedStep get_return_object();
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    std::suspend_always yield_value(T) noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
  AwaitedStep &operator++();
  T operator*() const;
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) {}
  AwaitedStep await_resume();
};
AwaitedStep<int> step();

cppcoro::task<int> compute();
coro::task<int> fetch();

void tasks_dropped() {
  updates();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Stream<int>' returned by 'updates' is discarded; the work never starts unless it is awaited
  step();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'AwaitedStep<int>' returned by 'step' is discarded; the work never starts unless it is awaited
  compute();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'cppcoro::task<int>' returned by 'compute' is discarded
  fetch();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'coro::task<int>' returned by 'fetch' is discarded
}

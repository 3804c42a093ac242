// RUN: %check_async_tidy %s async-detached-dangling-reference %t

// Detached work whose last act is a signal (an event set, a promise
// fulfilled, a latch counted down, a flag raised and notified) is joined
// when the function waits for that signal before the work's referents die.

#include <condition_variable>
#include <future>
#include <latch>
#include <mutex>
#include <string>
#include <thread>
#include "async_simple/Promise.h"
#include "concurrencpp/concurrencpp.h"
#include "coro/coro.hpp"

void use(const std::string &);

// libcoro: the coroutine awaits the event the thread sets last.
coro::task<void> awaits_event(coro::thread_pool &pool) {
  co_await pool.schedule();
  coro::event e{};
  std::string name = "x";
  std::thread third_party([&e, &pool, &name] {
    use(name);
    e.set(pool);
  });
  third_party.detach();
  co_await e;
}

// std::promise / future: waiting on the future made by the promise.
void waits_future() {
  std::promise<void> done;
  auto finished = done.get_future();
  std::string name = "x";
  std::thread([&] {
    use(name);
    done.set_value();
  }).detach();
  finished.get();
}

// A latch counted down, then waited on.
void waits_latch() {
  std::latch latch(1);
  std::string name = "x";
  std::thread([&latch, &name] {
    use(name);
    latch.count_down();
  }).detach();
  latch.wait();
}

// A flag raised under the lock and notified; the function loops on it.
void waits_flag() {
  std::mutex m;
  std::condition_variable cv;
  bool done = false;
  std::string name = "x";
  std::thread([&] {
    use(name);
    {
      std::lock_guard<std::mutex> lock(m);
      done = true;
    }
    cv.notify_one();
  }).detach();
  std::unique_lock<std::mutex> lock(m);
  while (!done)
    cv.wait(lock);
}

// async_simple: the promise the work fulfils, waited through its future.
int waits_async_simple() {
  async_simple::Promise<int> promise;
  auto future = promise.getFuture();
  int seed = 20;
  std::thread([&promise, &seed] { promise.setValue(seed * 2); }).detach();
  future.wait();
  return std::move(future).get();
}

// concurrencpp: the result of the result_promise the work sets.
int waits_concurrencpp() {
  concurrencpp::result_promise<int> promise;
  auto result = promise.get_result();
  int seed = 20;
  std::thread([&promise, &seed] { promise.set_result(seed * 2); }).detach();
  return result.get();
}

// The nearest true bugs.

// The work goes on using a local after its signal: the waiter may already
// have returned.
coro::task<void> uses_after_signal(coro::thread_pool &pool) {
  coro::event e{};
  std::string name = "x";
  std::thread([&e, &name] {
    e.set();
    use(name);
  }).detach();
  // CHECK-MESSAGES: :[[@LINE-4]]:17: warning: 'e' is destroyed when its scope ends, but it is captured by reference in work detached by 'std::thread::detach'
  // CHECK-MESSAGES: :[[@LINE-5]]:21: warning: 'name' is destroyed when its scope ends, but it is captured by reference in work detached by 'std::thread::detach'
  co_await e;
}

// The local dies before the wait.
int dies_before_wait() {
  concurrencpp::result_promise<int> promise;
  auto result = promise.get_result();
  {
    int seed = 20;
    std::thread([&promise, &seed] { promise.set_result(seed * 2); }).detach();
    // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: 'seed' is destroyed when its scope ends, but it is captured by reference in work detached by 'std::thread::detach'
  }
  return result.get();
}

// The function waits on another promise than the one the work sets.
int waits_other_promise(async_simple::Promise<int> &other) {
  async_simple::Promise<int> promise;
  auto future = other.getFuture();
  int seed = 20;
  std::thread([&promise, &seed] { promise.setValue(seed); }).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'promise' is destroyed when its scope ends, but it is captured by reference in work detached by 'std::thread::detach'
  // CHECK-MESSAGES: :[[@LINE-2]]:27: warning: 'seed' is destroyed when its scope ends, but it is captured by reference in work detached by 'std::thread::detach'
  future.wait();
  return std::move(future).get();
}

// Signalled, but nobody waits: still detached.
void never_waits() {
  std::latch latch(1);
  std::thread([&latch] { latch.count_down(); }).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'latch' is destroyed when its scope ends, but it is captured by reference in work detached by 'std::thread::detach'
}

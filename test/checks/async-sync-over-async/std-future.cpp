// RUN: %check_async_tidy %s async-sync-over-async %t

#include <chrono>
#include <future>
#include <latch>
#include <thread>
#include "cppcoro/task.hpp"

using namespace std::chrono_literals;

cppcoro::task<int> fetch();

cppcoro::task<int> handle_request(std::future<int> f) {
  int v = f.get();
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: blocking wait 'std::future<int>::get' inside coroutine 'handle_request'; await the result asynchronously or attach a continuation [async-sync-over-async]
  f.wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: blocking wait 'std::future<int>::wait' inside coroutine 'handle_request'
  f.wait_for(2s);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: blocking wait 'std::future<int>::wait_for' inside coroutine 'handle_request'
  co_return v;
}

cppcoro::task<void> shared(std::shared_future<int> f, std::latch &done) {
  (void)f.get();
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: blocking wait 'std::shared_future<int>::get' inside coroutine 'shared'
  done.wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: blocking wait 'std::latch::wait' inside coroutine 'shared'; do not make an executor thread wait for other threads
  co_return;
}

// Polling with a zero timeout does not block, and a get() guarded by it
// returns at once.
cppcoro::task<int> polls(std::future<int> f) {
  if (f.wait_for(0s) == std::future_status::ready)
    co_return f.get();
  if (f.wait_for(std::chrono::seconds(0)) != std::future_status::ready)
    co_return 0;
  f.wait_until(std::chrono::steady_clock::now());
  f.wait_for(std::chrono::milliseconds::zero());
  co_return co_await fetch();
}

// A guard on another future does not make this one ready.
cppcoro::task<int> guard_on_other(std::future<int> a, std::future<int> b) {
  if (a.wait_for(0s) == std::future_status::ready)
    co_return b.get();
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: blocking wait 'std::future<int>::get' inside coroutine 'guard_on_other'
  co_return 0;
}

// Plain synchronous code is left alone: main, helpers nobody async calls,
// and waits inside a thread of their own.
int sync_helper(std::future<int> &f) { return f.get(); }

void worker() {
  std::thread t([] {
    auto f = std::async(std::launch::async, [] { return 1; });
    f.get();
  });
  t.join();
}

int main() {
  std::promise<int> p;
  std::future<int> f = p.get_future();
  p.set_value(1);
  return f.get() + sync_helper(f);
}

// RUN: %check_async_tidy %s async-sync-over-async %t

// concurrencpp: waiting for a result<T> or shared_result<T> blocks the
// thread; a coroutine awaits it instead. Waiting in synchronous code is
// fine.

#include <chrono>
#include "concurrencpp/concurrencpp.h"

concurrencpp::result<int> fetch();

concurrencpp::result<int> total() {
  auto first = fetch();
  int a = first.get();
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: blocking wait 'concurrencpp::result<int>::get' inside coroutine 'total'; use 'co_await' instead [async-sync-over-async]
  // CHECK-FIXES: {{^}}  int a = co_await first;{{$}}
  auto second = fetch();
  second.wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: blocking wait 'concurrencpp::result<int>::wait' inside coroutine 'total'
  auto third = fetch();
  third.wait_for(std::chrono::seconds(1));
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: blocking wait 'concurrencpp::result<int>::wait_for' inside coroutine 'total'
  concurrencpp::shared_result<int> shared(fetch());
  int b = shared.get();
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: blocking wait 'concurrencpp::shared_result<int>::get' inside coroutine 'total'
  co_return a + b + co_await second;
}

// Work on the thread pool must not wait either: waits starve the pool.
void on_pool(concurrencpp::runtime &runtime) {
  runtime.thread_pool_executor()->post([] {
    auto r = fetch();
    r.wait();
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: blocking wait 'concurrencpp::result<int>::wait' inside a lambda run by 'concurrencpp::thread_pool_executor::post'; 'co_await' its 'resolve()' instead of waiting
  });
}

// Look-alikes: synchronous code waits; a coroutine awaits.
int main() {
  auto r = fetch();
  return r.get();
}

concurrencpp::result<int> awaits() {
  auto r = fetch();
  co_return co_await r;
}

// A result whose status says it is done returns at once.
concurrencpp::result<int> ready_only(concurrencpp::result<int> r,
                                     concurrencpp::shared_result<int> s) {
  int sum = 0;
  if (r.status() != concurrencpp::result_status::idle)
    sum += r.get();
  if (s.status() == concurrencpp::result_status::value)
    sum += s.get();
  co_return sum;
}

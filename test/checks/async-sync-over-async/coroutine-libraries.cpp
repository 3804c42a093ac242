// RUN: %check_async_tidy %s async-sync-over-async %t

#include "coro/coro.hpp"
#include "cppcoro/sync_wait.hpp"
#include "cppcoro/task.hpp"
#include "folly/coro/Task.h"

cppcoro::task<int> answer();
coro::task<int> lib_answer();
folly::coro::Task<int> folly_answer();

cppcoro::task<int> uses_sync_wait() {
  int a = cppcoro::sync_wait(answer());
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: blocking wait 'cppcoro::sync_wait' inside coroutine 'uses_sync_wait'; use 'co_await' instead [async-sync-over-async]
  // CHECK-FIXES: {{^}}  int a = co_await answer();{{$}}
  auto t = answer();
  int b = 1 + cppcoro::sync_wait(t);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: blocking wait 'cppcoro::sync_wait' inside coroutine 'uses_sync_wait'; use 'co_await' instead
  // CHECK-FIXES: {{^}}  int b = 1 + (co_await t);{{$}}
  co_return a + b;
}

coro::task<int> libcoro_user() {
  co_return coro::sync_wait(lib_answer());
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: blocking wait 'coro::sync_wait' inside coroutine 'libcoro_user'; use 'co_await' instead
  // CHECK-FIXES: {{^}}  co_return co_await lib_answer();{{$}}
}

folly::coro::Task<void> folly_user() {
  folly::coro::blockingWait(folly_answer());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking wait 'folly::coro::blockingWait' inside coroutine 'folly_user'; use 'co_await' instead
  // CHECK-FIXES: {{^}}  co_await folly_answer();{{$}}
  co_return;
}

// Bridging from synchronous code is what sync_wait is for.
int main() {
  return cppcoro::sync_wait(answer()) + coro::sync_wait(lib_answer()) +
         folly::coro::blockingWait(folly_answer());
}

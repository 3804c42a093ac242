// RUN: %check_async_tidy %s async-coroutine-lifetime %t
// An eager future (Seastar): the coroutine runs inside the call until its
// first suspension, so only what it touches after that must live on.

#include <chrono>
#include <string>
#include <seastar/core/coroutine.hh>
#include <seastar/core/future.hh>
#include <seastar/core/sleep.hh>
#include <seastar/core/smp.hh>

using namespace std::chrono_literals;
using seastar::future;

future<> write_later(const std::string &data) {
  co_await seastar::sleep(10ms);
  (void)data.size();   // used after the first suspension
}

future<> write_now(const std::string &data) {
  auto n = data.size();  // copied before the first suspension
  co_await seastar::sleep(10ms);
  (void)n;
}

future<> write_in_loop(const std::string &data, int times) {
  for (int i = 0; i < times; ++i) {
    (void)data.size();   // the second iteration runs after a suspension
    co_await seastar::sleep(1ms);
  }
}

future<> keeps_future() {
  auto f = write_later(std::string(64, 'x'));
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: a temporary is bound to parameter 'data' of coroutine 'write_later' and destroyed at the end of the full-expression, but the coroutine is kept in 'f' and still refers to it
  // CHECK-MESSAGES: :[[@LINE-21]]:41: note: parameter 'data' is declared here
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the task is kept here
  auto g = write_in_loop(std::string(8, 'y'), 3);
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: a temporary is bound to parameter 'data' of coroutine 'write_in_loop'
  co_await std::move(f);
  co_await std::move(g);
}

void drops_running_future() {
  (void)write_later(std::string("payload"));
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: a temporary is bound to parameter 'data' of coroutine 'write_later' and destroyed at the end of the full-expression, but the coroutine runs on after it first suspends and still refers to it
}

future<> continues_running_future() {
  return write_later(std::string("payload")).then([] { return seastar::sleep(1ms); });
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: a temporary is bound to parameter 'data' of coroutine 'write_later' and destroyed at the end of the full-expression, but the coroutine is returned
}

// A capturing coroutine lambda handed to then() or submit_to(): the
// closure is destroyed once the call that starts the coroutine returns.
future<> handed_to_then(future<> ready, int shard_count) {
  co_await std::move(ready).then([shard_count]() -> future<> {
    // CHECK-MESSAGES: :[[@LINE-1]]:34: warning: the closure of this capturing lambda coroutine is handed to 'seastar::future::then', which may destroy it once the coroutine has started, while the coroutine still refers to its captures; pass the captures as parameters by value, or keep the closure alive until the task is done [async-coroutine-lifetime]
    // CHECK-MESSAGES: :[[@LINE-2]]:35: note: 'shard_count' is captured here
    co_await seastar::sleep(1ms);
    (void)shard_count;
  });
}

future<int> handed_to_submit_to(std::string key) {
  return seastar::smp::submit_to(1, [key]() -> future<int> {
    // CHECK-MESSAGES: :[[@LINE-1]]:37: warning: the closure of this capturing lambda coroutine is handed to 'seastar::smp::submit_to'
    co_await seastar::sleep(1ms);
    co_return int(key.size());
  });
}

// Look-alikes that are right.

future<> temporaries_before_suspension() {
  auto f = write_now(std::string("copied first"));   // not used after suspending
  co_await write_later(std::string("awaited"));      // awaited in the statement
  co_await std::move(f);
}

future<> lambda_wrapped_for_then(future<> ready, int shard_count) {
  co_await std::move(ready).then(seastar::coroutine::lambda([shard_count]() -> future<> {
    co_await seastar::sleep(1ms);
    (void)shard_count;
  }));
}

future<> captures_read_before_suspending(future<> ready, int n) {
  co_await std::move(ready).then([n]() -> future<> {
    int copy = n;                 // only before the first suspension
    co_await seastar::sleep(1ms);
    (void)copy;
  });
}

future<> plain_continuation(future<> ready, int n) {
  co_await std::move(ready).then([n] { (void)n; });   // not a coroutine
}

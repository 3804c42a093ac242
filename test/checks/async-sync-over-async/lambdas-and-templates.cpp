// RUN: %check_async_tidy %s async-sync-over-async %t

#include <algorithm>
#include <functional>
#include <future>
#include <mutex>
#include <thread>
#include <vector>
#include "cppcoro/task.hpp"

// A coroutine lambda is a coroutine of its own.
void lambdas(std::future<int> &f) {
  auto coro = [&f]() -> cppcoro::task<int> {
    co_return f.get();
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: blocking wait 'std::future<int>::get' inside a coroutine lambda; await the result asynchronously or attach a continuation [async-sync-over-async]
  };
  (void)coro;
}

// A lambda called synchronously inside a coroutine blocks the coroutine's
// thread: std::call_once, algorithms.
cppcoro::task<void> inline_lambdas(std::vector<std::shared_future<int>> &v,
                                   std::once_flag &once) {
  std::call_once(once, [&] { v.front().wait(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:40: warning: blocking wait 'std::shared_future<int>::wait' inside a lambda, called from coroutine 'inline_lambdas'
  // CHECK-MESSAGES: :[[@LINE-2]]:24: note: a lambda is called here from coroutine 'inline_lambdas'
  co_return;
}

// Lambdas that run elsewhere do not: stored for later, or on a thread.
cppcoro::task<void> deferred(std::future<int> &f,
                             std::vector<std::function<void()>> &later) {
  later.push_back([&f] { f.get(); });
  std::thread([&f] { f.wait(); }).detach();
  auto task = std::async(std::launch::async, [&f] { return f.get(); });
  (void)task;
  co_return;
}

// Templates: one finding per source location, not one per instantiation.
template <class T> cppcoro::task<T> relay(std::future<T> f) {
  co_return f.get();
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: blocking wait 'std::future<{{.*}}>::get' inside coroutine 'relay'
}
template cppcoro::task<int> relay<int>(std::future<int>);
template cppcoro::task<long> relay<long>(std::future<long>);

// A function template reached from a coroutine.
template <class T> T unwrap(std::future<T> &f) { return f.get(); }
// CHECK-MESSAGES: :[[@LINE-1]]:59: warning: blocking wait 'std::future<int>::get' inside 'unwrap', called from coroutine 'use_unwrap'
// CHECK-MESSAGES: :[[@LINE+1]]:63: note: 'unwrap' is called here from coroutine 'use_unwrap'
cppcoro::task<int> use_unwrap(std::future<int> f) { co_return unwrap(f); }

// Waits in unevaluated operands never run.
cppcoro::task<int> unevaluated(std::future<int> &f) {
  using R = decltype(f.get());
  co_return sizeof(f.get()) + R{};
}

// RUN: %check_async_tidy %s async-coroutine-lifetime %t -- -- -std=c++23

#include <memory>
#include "cppcoro/task.hpp"

using cppcoro::task;

task<void> use(int);

// No fix-it where 'this auto self' would not compile: a mutable lambda, a
// capture that cannot be copied.
task<void> no_fix(int id, std::unique_ptr<int> p) {
  auto a = [id]() mutable -> task<void> { co_await use(id++); }();
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: the closure of this capturing lambda coroutine {{.*}}; pass the captures as parameters by value, or keep the closure alive until the task is done
  auto b = [p = std::move(p)]() -> task<void> { co_await use(*p); }();
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: the closure of this capturing lambda coroutine {{.*}}; pass the captures as parameters by value, or keep the closure alive until the task is done
  co_await a;
  co_await b;
}


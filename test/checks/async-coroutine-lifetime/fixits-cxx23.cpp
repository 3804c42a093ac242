// RUN: %check_async_tidy --fixes-clean %s async-coroutine-lifetime %t -- -- -std=c++23
// In C++23 an explicit object parameter taken by value ('this auto self')
// puts a copy of the closure in the coroutine frame: the fix-it adds it.

#include <memory>
#include <string>
#include "cppcoro/task.hpp"

using cppcoro::task;

task<void> use(int);

task<void> kept(int id) {
  auto t = [id]() -> task<void> { co_await use(id); }();
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: the closure of this capturing lambda coroutine is a temporary destroyed at the end of the full-expression, but the coroutine is kept in 't'; its captures live in the closure, not in the coroutine frame, and dangle once it suspends; take the closure by value with 'this auto self' so that the frame keeps a copy, or pass the captures as parameters by value [async-coroutine-lifetime]
  // CHECK-FIXES: {{^}}  auto t = [id](this auto self) -> task<void> { co_await use(id); }();{{$}}
  co_await t;
}

task<void> with_parameters(int id) {
  return [id](int extra) -> task<void> { co_await use(id + extra); }(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: the closure of this capturing lambda coroutine is a temporary destroyed at the end of the full-expression, but the coroutine is returned
  // CHECK-FIXES: {{^}}  return [id](this auto self, int extra) -> task<void> { co_await use(id + extra); }(1);{{$}}
}

// Already taking the closure by value: nothing to report.
task<void> already_fixed(int id) {
  auto t = [id](this auto self) -> task<void> { co_await use(id); }();
  co_await t;
}

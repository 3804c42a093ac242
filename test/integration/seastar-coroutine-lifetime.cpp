// Real Seastar headers (bench/field/seastar): future<T>::then() runs its
// callable when the future is ready and destroys it once the call returns
// the coroutine's future, so a capturing lambda coroutine that uses a
// capture after its first suspension reads a dead closure (the "lambda
// coroutine fiasco" Seastar's coroutine::lambda exists for). No table
// names Seastar: then() is a member of a task type that takes a callable
// and returns a task. Wrapped in coroutine::lambda, or using its captures
// only before it suspends, it is fine.
// REQUIRES: seastar
// RUN: %check_async_tidy --no-mocks %s async-coroutine-lifetime %t -- -- %seastar_flags

#include <seastar/core/coroutine.hh>
#include <seastar/core/future.hh>
#include <seastar/core/sleep.hh>

using namespace seastar;

future<> tick();

future<> count_after_tick(int &counter) {
  co_await tick().then([&counter]() -> future<> {
    // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: the closure of this capturing lambda coroutine is handed to 'seastar::future::then', which may destroy it once the coroutine has started, while the coroutine still refers to its captures; take the closure by value with 'this auto self' so that the frame keeps a copy, or pass the captures as parameters by value [async-coroutine-lifetime]
    // CHECK-FIXES: {{^}}  co_await tick().then([&counter](this auto self) -> future<> {{{$}}
    co_await sleep(std::chrono::milliseconds(1));
    ++counter;
  });
}

future<> count_wrapped(int &counter) {
  co_await tick().then(coroutine::lambda([&counter]() -> future<> {
    co_await sleep(std::chrono::milliseconds(1));
    ++counter;
  }));
}

future<> count_before_suspending(int &counter) {
  co_await tick().then([&counter]() -> future<> {
    ++counter;
    co_await sleep(std::chrono::milliseconds(1));
  });
}

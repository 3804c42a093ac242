// Real Seastar headers (bench/field/seastar): Seastar's cancellation token
// is the abort_source itself, passed by reference. A coroutine that holds
// one and waits on a semaphore through the overload without it cannot be
// stopped; the overload that takes it, and a function holding none, are
// left alone.
// REQUIRES: seastar
// RUN: %check_async_tidy --no-mocks %s async-missing-cancellation %t -- -- %seastar_flags

#include <seastar/core/abort_source.hh>
#include <seastar/core/coroutine.hh>
#include <seastar/core/semaphore.hh>

using namespace seastar;

future<> admit(semaphore &slots, abort_source &as) {
  co_await slots.wait(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: call to 'wait' does not pass the cancellation token 'as' the function holds; pass it to the overload that accepts a 'seastar::abort_source' [async-missing-cancellation]
  slots.signal(1);
}

future<> admit_abortable(semaphore &slots, abort_source &as) {
  co_await slots.wait(as, 1);
  slots.signal(1);
}

future<> admit_unstoppable(semaphore &slots) {
  co_await slots.wait(1);
  slots.signal(1);
}

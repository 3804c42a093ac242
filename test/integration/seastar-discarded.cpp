// Real Seastar headers (the field-test extract, bench/field/seastar):
// seastar::future is a coroutine return type through std::coroutine_traits
// while its member 'promise_type' names seastar::promise, and is awaited
// through a non-member operator co_await. A future dropped with no error
// handler is reported (inside a coroutine with a 'co_await' fix); a chain
// that ends in a continuation handling the error (then_wrapped reading the
// future in a try block, handle_exception, handle_exception_type) is not,
// unless the handler hands the error on.
// REQUIRES: seastar
// RUN: %check_async_tidy --no-mocks %s async-discarded-task %t -- -- %seastar_flags

#include <exception>
#include <seastar/core/coroutine.hh>
#include <seastar/core/future.hh>
#include <seastar/core/sleep.hh>
#include <stdexcept>

using namespace seastar;

future<> flush();
future<int> count();

void background() {
  (void)flush().then([] {});
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'seastar::future<>' returned by {{.*}}then' is discarded; its completion and errors are never observed; await it, keep it, or hand it to something that runs it [async-discarded-task]
  (void)count().then([](int) {});
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'seastar::future<>' returned by {{.*}}then' is discarded; {{.*}}
  flush();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'seastar::future<>' returned by 'flush' is discarded; {{.*}}

  // The last continuation receives the failure and handles it.
  (void)flush().then_wrapped([](future<> f) {
    try {
      f.get();
    } catch (const std::runtime_error &) {
    }
  });
  (void)flush().then_wrapped([](auto &&f) {
    try {
      f.get();
    } catch (...) {
    }
  });
  (void)flush().handle_exception([](std::exception_ptr) {});
  (void)flush().handle_exception_type([](const std::runtime_error &) {});
  (void)count().then_wrapped([](future<int> f) {
    if (f.failed())
      f.ignore_ready_future();
  });

  // ... or reads it outside a try block, or hands the error on.
  (void)flush().then_wrapped([](auto &&f) { f.get(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'seastar::future<>' returned by {{.*}}then_wrapped' is discarded; {{.*}}
  (void)flush().handle_exception([](std::exception_ptr ep) {
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'seastar::future<>' returned by {{.*}}handle_exception' is discarded; {{.*}}
    return make_exception_future<>(ep);
  });
  (void)flush().handle_exception(
      // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'seastar::future<>' returned by {{.*}}handle_exception' is discarded; {{.*}}
      [](std::exception_ptr ep) { std::rethrow_exception(ep); });
}

// In a coroutine the dropped future is awaited by the fix.
future<> compact() {
  flush();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'seastar::future<>' returned by 'flush' is discarded; {{.*}}; use 'co_await'
  // CHECK-FIXES: {{^}}  co_await flush();{{$}}
  co_await sleep(std::chrono::milliseconds(1));
}

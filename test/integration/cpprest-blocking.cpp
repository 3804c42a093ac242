// cpprestsdk from Debian: a pplx continuation that sleeps runs on the PPL
// thread pool and stalls it.
// REQUIRES: cpprest
// RUN: %check_async_tidy --no-mocks %s async-blocking-call %t -- -- -std=c++20

#include <pplx/pplxtasks.h>
#include <chrono>
#include <thread>

pplx::task<int> fetch_count();

pplx::task<int> with_backoff() {
  return fetch_count().then([](int n) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100 * n));
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: blocking call 'std::this_thread::sleep_for' inside a lambda attached as a continuation with 'pplx::task::then'; wait on an asynchronous timer instead
    // CHECK-MESSAGES: :[[@LINE-3]]:24: note: the lambda is attached as a continuation with 'pplx::task::then' here
    return n;
  });
}

int main() {
  std::this_thread::sleep_for(std::chrono::milliseconds(1));
  return with_backoff().get();
}

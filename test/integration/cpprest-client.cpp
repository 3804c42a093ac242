// cpprestsdk from Debian: pplx tasks, continuations and waits.
// REQUIRES: cpprest
// RUN: %check_async_tidy --no-mocks %s async-sync-over-async %t -- -- -std=c++20

#include <pplx/pplxtasks.h>
#include <string>

pplx::task<std::string> fetch(const std::string &url);
pplx::task<void> save(const std::string &body);

pplx::task<void> mirror(const std::string &url) {
  return fetch(url).then([](std::string body) {
    save(body).wait();
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: blocking wait 'pplx::task<void>::wait' inside a lambda attached as a continuation with 'pplx::task::then'; attach a continuation with 'then' instead of waiting [async-sync-over-async]
    // CHECK-MESSAGES: :[[@LINE-3]]:21: note: the lambda is attached as a continuation with 'pplx::task::then' here
  });
}

pplx::task<std::size_t> size_of(const std::string &url) {
  return pplx::create_task([url] {
    return fetch(url).get().size();
    // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: blocking wait 'pplx::task<std::string>::get' inside a lambda run by 'pplx::create_task'
    // CHECK-MESSAGES: :[[@LINE-3]]:10: note: the lambda is run by 'pplx::create_task' here
  });
}

// The task-based continuation observes the antecedent's result or error.
pplx::task<bool> checked(const std::string &url) {
  return fetch(url).then([](pplx::task<std::string> previous) {
    try {
      return !previous.get().empty();
    } catch (...) {
      return false;
    }
  });
}

int main() {
  mirror("http://localhost/").wait();
  return checked("http://localhost/").get() ? 0 : 1;
}

// RUN: %check_async_tidy %s async-sync-over-async %t

#include "pplx/pplxtasks.h"

pplx::task<int> fetch_count();
pplx::task<void> store(int);

pplx::task<int> chained() {
  return fetch_count().then([](int n) {
    return fetch_count().get() + n;
    // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: blocking wait 'pplx::task<int>::get' inside a lambda attached as a continuation with 'pplx::task::then'; attach a continuation with 'then' instead of waiting [async-sync-over-async]
    // CHECK-MESSAGES: :[[@LINE-3]]:24: note: the lambda is attached as a continuation with 'pplx::task::then' here
  });
}

pplx::task<void> on_pool() {
  return pplx::create_task([] {
    store(1).wait();
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: blocking wait 'pplx::task<void>::wait' inside a lambda run by 'pplx::create_task'
    // CHECK-MESSAGES: :[[@LINE-3]]:10: note: the lambda is run by 'pplx::create_task' here
  });
}

// A task-based continuation receives its antecedent completed: get() on it
// returns at once and is how errors are observed.
pplx::task<int> observe_errors() {
  return fetch_count().then([](pplx::task<int> previous) {
    try {
      return previous.get();
    } catch (...) {
      return 0;
    }
  });
}

// Waiting at the top of a program is fine.
int main() {
  int n = fetch_count().get();
  store(n).wait();
  return 0;
}

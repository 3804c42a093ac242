// RUN: %check_async_tidy %s async-unobserved-exception,async-discarded-task %t

// A pplx chain whose last task is dropped is async-discarded-task's finding
// (one warning, not two): this check reports only where a library drops the
// error for the user (a detaching token, a stackful spawn, a void slot).
// Chains that observe their error, or are waited for, get nothing from
// either check.

#include "pplx/pplxtasks.h"
#include <functional>
#include <stdexcept>

void report(const char *) noexcept;
pplx::task<int> fetch_count();
void on_event(std::function<void()> callback);

void dropped() {
  fetch_count().then([](int n) { report(n ? "some" : "none"); });
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'pplx::task<void>' returned by 'pplx::task<int>::then' is discarded; its completion and errors are never observed; await it, keep it, or hand it to something that runs it [async-discarded-task]
}

void observed() {
  fetch_count()
      .then([](int n) { report(n ? "some" : "none"); })
      .then([](pplx::task<void> t) {
        try {
          t.get();
        } catch (...) {
          report("failed");
        }
      });
  fetch_count().then([](int n) { report("x"); }).wait();
  auto kept = fetch_count().then([](int n) { return n + 1; });
  kept.get();
  // A lambda that is no coroutine, given to a void slot.
  on_event([] { fetch_count().then([](int) {}).get(); });
}

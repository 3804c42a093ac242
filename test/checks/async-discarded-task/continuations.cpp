// RUN: %check_async_tidy %s async-discarded-task %t

// A continuation chain runs without its last task object; dropping that
// task loses an error only when the last continuation can end with one:
// a value-based continuation is skipped when the antecedent fails (its
// error lands in the dropped task), a task-based one that reads the
// antecedent outside a try block, or throws, ends with one.

#include <stdexcept>
#include "QtCore/QFuture"
#include "folly/futures/Future.h"
#include "pplx/pplxtasks.h"

void report(const char *);
pplx::task<bool> fetch_token();
folly::Future<int> fetch_value();
QFuture<int> compute();

// Task-based continuations that handle every error themselves.
void handled(pplx::task_completion_event<bool> event) {
  fetch_token().then([event](pplx::task<bool> token) {
    try {
      event.set(token.get());
    } catch (const std::exception &e) {
      report(e.what());
      event.set(false);
    }
  });
  fetch_value().thenTry([](folly::Try<int> result) {
    try {
      report(result.value() ? "ok" : "zero");
    } catch (...) {
      report("failed");
    }
  });
  compute().then([](QFuture<int> done) {
    try {
      done.waitForFinished();
    } catch (...) {
      report("failed");
    }
  });
}

// The nearest true bugs.
void lost(pplx::task_completion_event<bool> event) {
  // Value-based: when the antecedent fails the error is lost.
  fetch_token().then([event](bool guard) { event.set(guard); });
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'pplx::task<void>' returned by 'pplx::task<bool>::then' is discarded
  // Task-based, but the antecedent is read outside the try block.
  fetch_token().then([event](pplx::task<bool> token) {
    // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'pplx::task<void>' returned by 'pplx::task<bool>::then' is discarded
    bool value = token.get();
    try {
      event.set(value);
    } catch (...) {
    }
  });
  // Task-based, but the handler rethrows.
  fetch_value().thenTry([](folly::Try<int> result) {
    // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'folly::Future<void>' returned by 'folly::Future<int>::thenTry' is discarded
    try {
      report(result.value() ? "ok" : "zero");
    } catch (...) {
      throw std::runtime_error("failed");
    }
  });
  // Value-based continuations of folly and Qt.
  fetch_value().thenValue([](int v) { report(v ? "ok" : "zero"); });
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'folly::Future<void>' returned by 'folly::Future<int>::thenValue' is discarded
  compute().then([](int v) { report(v ? "ok" : "zero"); });
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'QFuture<void>' returned by 'QFuture<int>::then' is discarded
}

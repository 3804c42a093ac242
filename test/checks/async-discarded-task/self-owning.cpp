// RUN: %check_async_tidy %s async-discarded-task %t

// QCoro's tasks are eager and own themselves (reference-counted frames):
// a dropped task runs to its end, so what a drop can lose is only an error
// it ends with. Reduced from QCoro's tests (qcorotask.cpp).

#include "qcoro/qcorotask.h"
#include <stdexcept>

struct Timer {
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<>) noexcept;
  void await_resume() noexcept;
};

QCoro::Task<> timer() { co_await Timer{}; }

QCoro::Task<int> timerWithValue(int value) {
  co_await timer();
  co_return value;
}

// A plain function that hands on a .then() result.
auto thenScope(bool *done) {
  return timer().then([done] { *done = true; });
}

void started_and_dropped() {
  bool immediate = false;
  const auto testReturn = [](bool now) -> QCoro::Task<bool> {
    if (!now)
      co_await timer();
    co_return true;
  };
  const auto testImmediate = [&]() -> QCoro::Task<> {
    immediate = co_await testReturn(true);
  };
  // Nothing in these coroutines (nor in what they await) throws: the drop
  // loses nothing.
  testImmediate();
  timerWithValue(42);
  bool done = false;
  thenScope(&done);
  timer().then([&done] { done = true; });
}

// The nearest true bugs: a dropped self-owning task whose coroutine, or a
// coroutine it awaits, can end with an error nobody sees.
QCoro::Task<int> parse(int value) {
  co_await timer();
  if (value < 0)
    throw std::invalid_argument("negative");
  co_return value;
}

QCoro::Task<> forward(int value) { co_await parse(value); }

// Caught inside: nothing escapes.
QCoro::Task<> guarded(int value) {
  try {
    co_await parse(value);
  } catch (const std::exception &) {
  }
}

QCoro::Task<> unknown(); // body not visible: may fail

void errors_dropped() {
  parse(-1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'QCoro::Task<int>' returned by 'parse' is discarded; the work runs on, but an error it ends with is never observed; await it, keep it, or hand it to something that runs it [async-discarded-task]
  forward(-1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'QCoro::Task<>' returned by 'forward' is discarded; the work runs on, but an error it ends with is never observed
  guarded(-1);
  unknown();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'QCoro::Task<>' returned by 'unknown' is discarded; the work runs on, but an error it ends with is never observed
}

// Inside a coroutine the fix-it still offers co_await.
QCoro::Task<> in_coroutine() {
  parse(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'QCoro::Task<int>' returned by 'parse' is discarded; the work runs on, but an error it ends with is never observed; use 'co_await'
  // CHECK-FIXES: co_await parse(1);
  timer();
  co_return;
}

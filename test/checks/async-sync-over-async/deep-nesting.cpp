// RUN: %check_async_tidy %s async-sync-over-async %t

// Generated code nests expressions tens of thousands deep, which Clang
// parses; the check must not overflow the stack where Clang does not, and
// still sees what follows. X15 + X14 is a chain of 49152 additions.
#define X0 v
#define X1 X0 + X0
#define X2 X1 + X1
#define X3 X2 + X2
#define X4 X3 + X3
#define X5 X4 + X4
#define X6 X5 + X5
#define X7 X6 + X6
#define X8 X7 + X7
#define X9 X8 + X8
#define X10 X9 + X9
#define X11 X10 + X10
#define X12 X11 + X11
#define X13 X12 + X12
#define X14 X13 + X13
#define X15 X14 + X14

#include <future>
#include "cppcoro/task.hpp"

cppcoro::task<int> handle(std::future<int> f) {
  int v = 1;
  int sum = X15 + X14;
  sum += f.get();
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: blocking wait 'std::future<int>::get' inside coroutine 'handle'; await the result asynchronously or attach a continuation [async-sync-over-async]
  co_return sum;
}

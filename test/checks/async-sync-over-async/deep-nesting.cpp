// RUN: %check_async_tidy %s async-sync-over-async %t

// Generated code nests expressions tens of thousands deep, which Clang
// parses; the check must not overflow the stack where Clang does not, and
// still sees what follows (deep_sum.h: 49152 additions).
#define DEEP_TERM v
#include "deep_sum.h"

#include <future>
#include "cppcoro/task.hpp"

cppcoro::task<int> handle(std::future<int> f) {
  int v = 1;
  int sum = DEEP_SUM;
  sum += f.get();
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: blocking wait 'std::future<int>::get' inside coroutine 'handle'; await the result asynchronously or attach a continuation [async-sync-over-async]
  co_return sum;
}

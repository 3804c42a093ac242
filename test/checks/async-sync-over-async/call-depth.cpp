// RUN: %check_async_tidy --check-suffixes=,DEEP %s async-sync-over-async %t
// RUN: %check_async_tidy %s async-sync-over-async %t.depth1 -- \
// RUN:   --config="{CheckOptions: {MaxCallDepth: 1}}"
// RUN: %check_async_tidy --check-suffixes=,DEEP %s async-sync-over-async %t.local -- \
// RUN:   --config="{CheckOptions: {MaxCallDepth: 1, async-sync-over-async.MaxCallDepth: 2}}"

#include <future>
#include "cppcoro/task.hpp"

// MaxCallDepth (3 by default) bounds how many calls from a coroutine or
// handler are followed; the check-local option wins over the global one.
int two_deep(std::future<int> &f) { return f.get(); }
// CHECK-MESSAGES-DEEP: :[[@LINE-1]]:46: warning: blocking wait 'std::future<int>::get' inside 'two_deep', called from coroutine 'root'
// CHECK-MESSAGES-DEEP: :[[@LINE+8]]:58: note: 'one_deep' is called here from coroutine 'root'
// CHECK-MESSAGES-DEEP: :[[@LINE+3]]:20: note: 'two_deep' is called here from 'one_deep'

int one_deep(std::future<int> &f) {
  return f.get() + two_deep(f);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: blocking wait 'std::future<int>::get' inside 'one_deep', called from coroutine 'root'
  // CHECK-MESSAGES: :[[@LINE+2]]:58: note: 'one_deep' is called here from coroutine 'root'
}
cppcoro::task<int> root(std::future<int> &f) { co_return one_deep(f); }

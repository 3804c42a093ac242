// RUN: %check_async_tidy %s async-coroutine-lifetime %t
// folly::coro::Task (lazy): co_invoke keeps the closure, blockingWait
// finishes the task within the full-expression.

#include <span>
#include <string>
#include <vector>
#include "folly/coro/Task.h"

using folly::coro::Task;

Task<int> sum(std::span<const int> values);
Task<void> publish(const std::string &topic, const std::string &body);

struct Publisher {
  std::vector<Task<void>> inflight;

  void publish_all(const std::vector<std::string> &bodies) {
    for (const std::string &body : bodies)
      inflight.push_back(publish(topic_for(body), body));
    // CHECK-MESSAGES: :[[@LINE-1]]:34: warning: a temporary is bound to parameter 'topic' of coroutine 'publish' and destroyed at the end of the full-expression, but the coroutine is stored beyond this function and still refers to it
  }
  std::string topic_for(const std::string &body);
};

Task<int> sum_local() {
  std::vector<int> values{1, 2, 3};
  return sum(values);
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'values' is bound to parameter 'values' of coroutine 'sum', but the coroutine is returned and outlives 'values'
}

Task<int> sum_array() {
  int values[] = {1, 2, 3};
  auto task = sum(values);
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'values' is bound to parameter 'values' of coroutine 'sum', but the coroutine is returned
  return task;
}

Task<void> lambda_task_kept(std::string topic) {
  auto task = [&topic]() -> Task<void> { co_await publish(topic, "x"); }();
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: the closure of this capturing lambda coroutine is a temporary destroyed at the end of the full-expression, but the coroutine is kept in 'task'
  co_await std::move(task);
}

// Look-alikes that are right.

Task<void> invoked_by_co_invoke(std::string topic) {
  // co_invoke moves the closure into a frame of its own.
  auto task = folly::coro::co_invoke([topic]() -> Task<void> {
    co_await publish(topic, "x");
  });
  co_await std::move(task);
}

int waited_now() {
  return folly::coro::blockingWait(sum(std::vector<int>{1, 2}));
}

Task<void> awaited_now() {
  co_await publish("topic", std::string("body"));
  int total = co_await sum(std::vector<int>{4, 5});
  (void)total;
}

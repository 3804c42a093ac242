// libstdc++: a std::jthread whose function receives the thread's stop token
// and waits on a condition_variable_any without it: request_stop() (and the
// jthread's destructor, which calls it and joins) cannot wake the wait.
// RUN: %check_async_tidy --no-mocks %s async-missing-cancellation %t -- -- -std=c++20

#include <condition_variable>
#include <deque>
#include <mutex>
#include <stop_token>
#include <thread>

struct Queue {
  std::mutex m;
  std::condition_variable_any cv;
  std::deque<int> items;
};

void consume(int item, std::stop_token st = {});

std::jthread start_consumer(Queue &q) {
  return std::jthread([&q](std::stop_token st) {
    for (;;) {
      std::unique_lock lock(q.m);
      q.cv.wait(lock, [&] { return !q.items.empty(); });
      // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: call to 'wait' does not pass the cancellation token 'st' the function holds; pass it to the overload that accepts a 'std::stop_token' [async-missing-cancellation]
      // CHECK-MESSAGES: condition_variable:{{[0-9]+}}:{{[0-9]+}}: note: this overload of 'wait' accepts a cancellation token
      // CHECK-MESSAGES: :[[@LINE-6]]:44: note: the function holds the token 'st' here
      int item = q.items.front();
      q.items.pop_front();
      lock.unlock();
      consume(item);
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: call to 'consume' does not pass the cancellation token 'st' the function holds; pass it as its 'st' argument [async-missing-cancellation]
      // CHECK-MESSAGES: :[[@LINE-15]]:40: note: 'consume' takes a cancellation token here, defaulted
      // CHECK-MESSAGES: :[[@LINE-13]]:44: note: the function holds the token 'st' here
      // CHECK-FIXES: {{^}}      consume(item, st);
    }
  });
}

std::jthread start_polite(Queue &q) {
  return std::jthread([&q](std::stop_token st) {
    std::unique_lock lock(q.m);
    while (q.cv.wait(lock, st, [&] { return !q.items.empty(); })) {
      consume(q.items.front(), st);
      q.items.pop_front();
    }
  });
}

// RUN: %check_async_tidy %s async-detached-dangling-reference %t

// Work handed off inside a thread's lambda may refer to a local of the
// function the lambda is written in: that function's wait for the work's
// signal joins it. Reduced from concurrencpp's thread-sanitizer tests
// (executors.cpp).

#include "concurrencpp/concurrencpp.h"
#include <latch>
#include <memory>
#include <thread>
#include <vector>

void posted_from_threads(std::shared_ptr<concurrencpp::executor> executor) {
  std::latch latch(8);
  std::vector<std::thread> posters(4);
  for (auto &thread : posters)
    thread = std::thread([=, &latch] {
      for (int i = 0; i < 2; i++)
        executor->post([&latch]() mutable { latch.count_down(); });
    });
  latch.wait();
  for (auto &thread : posters)
    thread.join();
}

// The nearest true bug: joining the posting threads does not wait for the
// work they posted.
void posters_joined_only(std::shared_ptr<concurrencpp::executor> executor) {
  std::latch latch(8);
  std::vector<std::thread> posters(4);
  for (auto &thread : posters)
    thread = std::thread([=, &latch] {
      for (int i = 0; i < 2; i++)
        executor->post([&latch]() mutable { latch.count_down(); });
      // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: 'latch' is destroyed when its scope ends, but it is captured by reference in work detached by 'concurrencpp::executor::post'
    });
  for (auto &thread : posters)
    thread.join();
}

// RUN: %check_async_tidy %s async-long-running-on-pool %t -- -- -std=c++20

// Loops that neither suspend nor end by their own progress, inside
// coroutines of three task libraries and Asio handlers; the look-alikes that
// suspend, end, block (left to async-blocking-call) or run on a thread of
// their own are left alone.

#include <atomic>
#include <chrono>
#include <deque>
#include <optional>
#include <thread>
#include <vector>
#include "boost/asio.hpp"
#include "coro/coro.hpp"
#include "cppcoro/task.hpp"

namespace asio = boost::asio;

struct Job {
  void run();
};
std::optional<Job> try_pop();
void compute(int);
cppcoro::task<void> tick();

struct Worker {
  std::atomic<bool> stop_{false};
  bool running_ = true;
  std::deque<Job> queue_;

  // A worker loop written as a coroutine: nothing in it suspends or ends it.
  cppcoro::task<void> drain_forever() {
    for (;;) {
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: loop inside coroutine 'Worker::drain_forever' never suspends and never ends by itself (it has no condition and no way out): it keeps its thread, and every handler queued behind it; co_await inside it (a timer, a yield to the executor or an awaitable event) or run it on a dedicated thread [async-long-running-on-pool]
      if (auto job = try_pop())
        job->run();
    }
    co_return;
  }

  // A busy wait on a flag another thread sets.
  cppcoro::task<void> wait_for_stop() {
    while (!stop_.load()) {
    }
    // CHECK-MESSAGES: :[[@LINE-2]]:5: warning: loop inside coroutine 'Worker::wait_for_stop' never suspends and never ends by itself (it spins until another thread changes 'stop_')
    co_return;
  }

  // Yielding the thread is still a busy wait.
  coro::task<void> yield_until_stopped() {
    while (!stop_.load(std::memory_order_acquire))
      std::this_thread::yield();
    // CHECK-MESSAGES: :[[@LINE-2]]:5: warning: loop inside coroutine 'Worker::yield_until_stopped' never suspends and never ends by itself (it spins until another thread changes 'stop_')
    co_return;
  }

  // The body computes but never changes what the condition reads.
  coro::task<void> crunch() {
    int i = 0;
    while (!stop_) {
      // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: loop inside coroutine 'Worker::crunch' never suspends and never ends by itself (nothing in it changes 'stop_', which its condition reads)
      compute(i++);
    }
    co_return;
  }

  // Negatives: a suspension in each iteration; a member the loop's own
  // calls may change; a counter; a loop that breaks out; a queue drained
  // by its condition; a do-while(0) macro body.
  cppcoro::task<void> ticking() {
    while (!stop_)
      co_await tick();
  }
  void step() { running_ = false; }
  cppcoro::task<void> stepping() {
    while (running_)
      step();
    co_return;
  }
  coro::task<void> counted(int n) {
    for (int i = 0; i < n; ++i)
      compute(i);
    while (true) {
      if (stop_)
        break;
      compute(1);
    }
    while (!queue_.empty()) {
      queue_.front().run();
      queue_.pop_front();
    }
    while (auto job = try_pop())
      job->run();
    do {
      compute(2);
    } while (0);
    co_return;
  }

  // Negative: a loop that blocks is async-blocking-call's to report.
  coro::task<void> sleepy() {
    while (!stop_)
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    co_return;
  }
};

// An Asio handler that polls forever.
void start(asio::io_context &io, std::atomic<bool> &ready) {
  asio::post(io, [&ready] {
    while (!ready) {
    }
    // CHECK-MESSAGES: :[[@LINE-2]]:5: warning: loop inside a lambda run by 'boost::asio::post' never suspends and never ends by itself (it spins until another thread changes 'ready')
  });
}

// Negatives: the same loops on a thread of their own, in a plain function
// no async work reaches, and a lambda that awaits inside an endless loop.
void on_thread(std::atomic<bool> &ready) {
  std::thread([&ready] {
    while (!ready) {
    }
  }).detach();
}
void plain_main_loop(std::atomic<bool> &stop) {
  while (!stop) {
    if (auto job = try_pop())
      job->run();
  }
}
cppcoro::task<void> awaits_forever() {
  for (;;)
    co_await tick();
}

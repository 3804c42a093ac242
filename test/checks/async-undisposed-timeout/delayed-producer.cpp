// RUN: %check_async_tidy %s async-undisposed-timeout %t

// A thread that sleeps and then does its own work (resumes the coroutine
// that waits for it, sets the result of the promise it owns, posts or runs
// a job) is delayed work, not a timeout; one that sleeps and then fails,
// stops or cancels another operation is. A joined thread is not leaked.

#include <chrono>
#include <coroutine>
#include <exception>
#include <future>
#include <memory>
#include <stdexcept>
#include <thread>
#include "async_simple/Promise.h"
#include "boost/asio.hpp"
#include "concurrencpp/concurrencpp.h"
#include "pplx/pplxtasks.h"

using namespace std::chrono_literals;

// An awaiter that simulates latency: the thread resumes its own waiter.
struct DelayedAwaiter {
  bool await_ready() { return false; }
  void await_suspend(std::coroutine_handle<> continuation) {
    std::thread([c = continuation]() mutable {
      std::this_thread::sleep_for(10ms);
      c.resume();
    }).detach();
  }
  void await_resume() {}
};

// Delayed producers: the thread sets the value of the promise it owns.
void std_producer() {
  std::promise<int> promise;
  auto future = promise.get_future();
  std::thread([p = std::move(promise)]() mutable {
    std::this_thread::sleep_for(1s);
    p.set_value(100);
  }).detach();
  future.wait();
}

int async_simple_producer() {
  async_simple::Promise<int> promise;
  auto future = promise.getFuture();
  auto t = std::thread([p = std::move(promise)]() mutable {
    std::this_thread::sleep_for(1s);
    p.setValue(100);
  });
  future.wait();
  t.join();
  return std::move(future).get();
}

void concurrencpp_producer() {
  concurrencpp::result_promise<int> promise;
  auto result = promise.get_result();
  std::thread worker([promise = std::move(promise)]() mutable {
    std::this_thread::sleep_for(1s);
    promise.set_result(42);
  });
  worker.detach();
  result.wait();
}

void pplx_producer(pplx::task_completion_event<int> event) {
  std::thread([event] {
    std::this_thread::sleep_for(1s);
    event.set(7);
  }).detach();
}

// A start barrier: the thread waits for a time point, then runs its job.
void delayed_post(std::shared_ptr<concurrencpp::manual_executor> executor,
                  std::chrono::steady_clock::time_point start) {
  std::thread thread([executor, start] {
    std::this_thread::sleep_until(start);
    executor->post([] {});
  });
  executor->loop_once();
  thread.join();
}

// Sleeping and then cancelling, but joined: waited for, not leaked.
void joined_watchdog(boost::asio::ip::tcp::socket &socket) {
  std::thread watchdog([&socket] {
    std::this_thread::sleep_for(1s);
    socket.cancel();
  });
  watchdog.join();
}

// The nearest true bugs: a detached thread that sleeps and then fails or
// stops another operation, whichever finished first.
void std_deadline(std::shared_ptr<std::promise<int>> promise) {
  std::thread([promise] {
    std::this_thread::sleep_for(5s);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: a thread that sleeps and then acts is a timeout
    promise->set_exception(
        std::make_exception_ptr(std::runtime_error("timeout")));
  }).detach();
}

void async_simple_deadline(
    std::shared_ptr<async_simple::Promise<int>> promise) {
  std::thread([promise] {
    std::this_thread::sleep_for(5s);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: a thread that sleeps and then acts is a timeout
    promise->setException(
        std::make_exception_ptr(std::runtime_error("timeout")));
  }).detach();
}

void concurrencpp_deadline(
    std::shared_ptr<concurrencpp::result_promise<int>> promise) {
  std::thread([promise] {
    std::this_thread::sleep_for(5s);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: a thread that sleeps and then acts is a timeout
    promise->set_exception(
        std::make_exception_ptr(std::runtime_error("timeout")));
  }).detach();
}

void pplx_deadline(pplx::task_completion_event<int> event) {
  std::thread([event] {
    std::this_thread::sleep_for(5s);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: a thread that sleeps and then acts is a timeout
    event.set_exception(std::runtime_error("timeout"));
  }).detach();
}

void asio_deadline(boost::asio::io_context &ioc) {
  std::thread([&ioc] {
    std::this_thread::sleep_for(5s);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: a thread that sleeps and then acts is a timeout
    ioc.stop();
  }).detach();
  ioc.run();
}

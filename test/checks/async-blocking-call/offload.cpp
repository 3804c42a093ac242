// RUN: %check_async_tidy %s async-blocking-call %t

// Blocking work moved off the coroutine's thread, as the advice says: onto
// an executor meant for blocking work, into a thread of its own, or by the
// coroutine moving itself onto such an executor. Work on general pools and
// event loops, and blocking before the move, is still reported.

#include <chrono>
#include <cstdio>
#include <fstream>
#include <memory>
#include <string>
#include <thread>
#include "QtConcurrent/QtConcurrent"
#include "boost/asio.hpp"
#include "concurrencpp/concurrencpp.h"
#include "coro/coro.hpp"
#include "cppcoro/static_thread_pool.hpp"
#include "cppcoro/task.hpp"

namespace asio = boost::asio;
using namespace std::chrono_literals;

// concurrencpp: submit() runs the callable inside a coroutine bridge of the
// library; the callable runs where the executor runs it.
concurrencpp::result<void>
submit_work(std::shared_ptr<concurrencpp::thread_executor> te,
            std::shared_ptr<concurrencpp::thread_pool_executor> background,
            std::shared_ptr<concurrencpp::thread_pool_executor> pool,
            concurrencpp::runtime &runtime, std::string path) {
  co_await te->submit([] { std::this_thread::sleep_for(10ms); });
  co_await background->submit([path] {
    std::ifstream input;
    input.open(path);
  });
  co_await runtime.background_executor()->submit(
      [] { std::this_thread::sleep_for(10ms); });
  co_await runtime.thread_executor()->submit(
      [] { std::this_thread::sleep_for(10ms); });
  // A general CPU pool: blocking there starves it.
  co_await pool->submit([] { std::this_thread::sleep_for(10ms); });
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: blocking call 'std::this_thread::sleep_for' inside a lambda run by 'concurrencpp::thread_pool_executor::submit'
  // CHECK-MESSAGES: :[[@LINE-2]]:18: note: the lambda is run by 'concurrencpp::thread_pool_executor::submit' here
  // CHECK-MESSAGES: concurrencpp.h:{{[0-9]+}}:{{[0-9]+}}: note: 'concurrencpp::derivable_executor::submit' is treated as a scheduling call: 'thread_pool_executor' names an executor ('pool') and it takes a callable
  // A name that says the opposite.
  auto non_blocking_pool = runtime.thread_pool_executor();
  co_await non_blocking_pool->submit([] { std::this_thread::sleep_for(1ms); });
  // CHECK-MESSAGES: :[[@LINE-1]]:43: warning: blocking call 'std::this_thread::sleep_for' inside a lambda run by 'concurrencpp::thread_pool_executor::submit'
  // CHECK-MESSAGES: :[[@LINE-2]]:31: note: the lambda is run by
}

// The rest of a coroutine that moved itself onto a background executor runs
// there; a move onto a general pool, or a resume_on whose awaitable is
// dropped, moves nothing there.
concurrencpp::result<void>
switch_executors(std::shared_ptr<concurrencpp::thread_pool_executor> background,
                 std::shared_ptr<concurrencpp::thread_pool_executor> cpu_pool,
                 std::string path, bool retry) {
  std::this_thread::sleep_for(1ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call 'std::this_thread::sleep_for' inside coroutine 'switch_executors'
  co_await concurrencpp::resume_on(background);
  {
    std::ifstream input;
    input.open(path);
  }
  co_await concurrencpp::resume_on(cpu_pool);
  std::this_thread::sleep_for(1ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call 'std::this_thread::sleep_for' inside coroutine 'switch_executors'
  concurrencpp::resume_on(background);
  std::ofstream output;
  output.open(path);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: blocking call 'std::ofstream::open' inside coroutine 'switch_executors'
  if (retry) {
    co_await concurrencpp::resume_on(background);
    std::this_thread::sleep_for(1ms);
  }
  std::this_thread::sleep_for(1ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call 'std::this_thread::sleep_for' inside coroutine 'switch_executors'
}

// cppcoro and libcoro: 'co_await pool.schedule()' moves the coroutine onto
// the pool; a pool named for blocking work may block, a general one not.
void read_config(std::FILE *f) {
  char buffer[64];
  std::fread(buffer, 1, sizeof buffer, f);
}
void read_index(std::FILE *f) {
  char buffer[64];
  std::fread(buffer, 1, sizeof buffer, f);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call 'fread' inside 'read_index', called from coroutine 'load'
}

cppcoro::task<void> load(cppcoro::static_thread_pool &blocking_pool,
                         cppcoro::static_thread_pool &cpu_pool,
                         std::FILE *f) {
  read_index(f);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: 'read_index' is called here from coroutine 'load'
  co_await blocking_pool.schedule();
  read_config(f);
  std::this_thread::sleep_for(1ms);
  co_await cpu_pool.schedule();
  std::this_thread::sleep_for(1ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call 'std::this_thread::sleep_for' inside coroutine 'load'
}

coro::task<void> crunch(coro::thread_pool &tp, coro::thread_pool &blockingIo) {
  co_await tp.schedule();
  std::this_thread::sleep_for(1ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call 'std::this_thread::sleep_for' inside coroutine 'crunch'
  co_await blockingIo.schedule();
  std::this_thread::sleep_for(1ms);
}

// Asio: a thread_pool kept for blocking work may block; a general one and an
// event loop, whatever its name, may not.
void post_work(asio::thread_pool &blocking_pool, asio::thread_pool &pool,
               asio::io_context &background_ioc) {
  asio::post(blocking_pool, [] { std::this_thread::sleep_for(1ms); });
  asio::post(pool, [] { std::this_thread::sleep_for(1ms); });
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: blocking call 'std::this_thread::sleep_for' inside a lambda run by 'boost::asio::post'
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: the lambda is run by 'boost::asio::post' here
  asio::post(background_ioc, [] { std::this_thread::sleep_for(1ms); });
  // CHECK-MESSAGES: :[[@LINE-1]]:35: warning: blocking call 'std::this_thread::sleep_for' inside a lambda run by 'boost::asio::post'
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: the lambda is run by 'boost::asio::post' here
}

// Qt: QtConcurrent::run is how Qt code moves blocking work off the GUI
// thread.
void qt_work(std::string path) {
  QtConcurrent::run([path] {
    std::ifstream input;
    input.open(path);
  });
}

// A helper that moves its callback into a std::thread of its own: the
// callback runs there, not on the coroutine's thread.
template <class Callback> void compute_async(int a, Callback &&callback) {
  std::thread([callback = std::move(callback), a]() mutable {
    callback(a);
  }).detach();
}
// One that calls it on the caller's thread first.
template <class Callback> void compute_now(int a, Callback &&callback) {
  callback(a);
  std::thread([callback = std::move(callback), a]() mutable {
    callback(a);
  }).detach();
}

cppcoro::task<void> with_callbacks() {
  compute_async(1, [](int) { std::this_thread::sleep_for(1ms); });
  compute_now(1, [](int) { std::this_thread::sleep_for(1ms); });
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: blocking call 'std::this_thread::sleep_for' inside a lambda, called from coroutine 'with_callbacks'
  // CHECK-MESSAGES: :[[@LINE-2]]:18: note: a lambda is called here from coroutine 'with_callbacks'
  co_return;
}

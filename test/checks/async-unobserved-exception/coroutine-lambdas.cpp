// RUN: %check_async_tidy %s async-unobserved-exception %t

#include "boost/asio.hpp"
#include "cppcoro/task.hpp"
#include <functional>
#include <thread>
#include <vector>

namespace asio = boost::asio;

void parse(int);
void log_line(const char *) noexcept;
cppcoro::task<int> fetch();

// An eager home-made task: its coroutine runs when called.
struct eager_task {
  struct promise_type {
    eager_task get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void unhandled_exception() {}
    void return_void() {}
  };
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<>) noexcept;
  void await_resume();
};

void on_event(std::function<void()> callback);
void on_value(std::function<void(int)> callback);
void keep(std::function<cppcoro::task<void>()> factory);

void start(asio::io_context &ctx) {
  // std::function<void()> drops the task: a lazy one never starts.
  on_event([]() -> cppcoro::task<void> { co_await fetch(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: coroutine lambda given to 'std::function<void ()>', which drops the 'cppcoro::task<>' it returns: the coroutine never starts; give it a callable that keeps the task and awaits or spawns it, or make the lambda a plain function [async-unobserved-exception]

  // An eager task runs, and loses what it throws.
  on_value([](int v) -> eager_task { parse(v); co_return; });
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: coroutine lambda given to 'std::function<void (int)>', which drops the 'eager_task' it returns: an exception it throws is never seen
  // CHECK-MESSAGES: :[[@LINE-2]]:38: note: 'parse' is not noexcept and is called outside a try block

  std::thread worker([]() -> eager_task { parse(1); co_return; });
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: coroutine lambda given to 'std::thread', which drops the 'eager_task' it returns
  // CHECK-MESSAGES: :[[@LINE-2]]:43: note: 'parse' is not noexcept
  worker.join();

  asio::post(ctx, []() -> eager_task { parse(2); co_return; });
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: coroutine lambda given to 'boost::asio::post', which drops the 'eager_task' it returns
  // CHECK-MESSAGES: :[[@LINE-2]]:40: note: 'parse' is not noexcept

  // Negatives: the task is kept, the eager coroutine lets nothing out, or
  // the lambda is no coroutine.
  keep([]() -> cppcoro::task<void> { co_await fetch(); });
  std::function<cppcoro::task<void>()> stored = []() -> cppcoro::task<void> {
    co_return;
  };
  on_event([]() -> eager_task { log_line("x"); co_return; });
  on_event([]() -> eager_task {
    try {
      parse(3);
    } catch (...) {
    }
    co_return;
  });
  on_event([] { parse(4); });
  asio::post(ctx, [] { parse(5); });
  std::vector<std::function<cppcoro::task<void>()>> factories;
  factories.push_back([]() -> cppcoro::task<void> { co_return; });
}

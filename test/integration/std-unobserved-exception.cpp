// libstdc++ from Debian: coroutine lambdas handed to std::function<void()>
// and std::thread, which drop the task the lambda returns. An eager task's
// exception is then lost; a lambda whose body lets nothing out, and a
// std::function that returns the task, are left alone.
// RUN: %check_async_tidy --no-mocks %s async-unobserved-exception %t -- -- -std=c++20

#include <coroutine>
#include <functional>
#include <stdexcept>
#include <thread>

// An eager task written in the project, as many are.
struct fire {
  struct promise_type {
    fire get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void unhandled_exception() {}
    void return_void() {}
  };
  bool await_ready() const noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  void await_resume() {}
};

void validate(int v) {
  if (v < 0)
    throw std::invalid_argument("negative");
}

void subscribe(std::function<void(int)> on_value);
void subscribe_task(std::function<fire(int)> on_value);

void wire() {
  subscribe([](int v) -> fire {
    validate(v);
    co_return;
  });
  // CHECK-MESSAGES: :[[@LINE-4]]:13: warning: coroutine lambda given to 'std::function<void (int)>', which drops the 'fire' it returns: an exception it throws is never seen
  // CHECK-MESSAGES: :[[@LINE-4]]:5: note: 'validate' is not noexcept

  std::thread t([]() -> fire {
    validate(-1);
    co_return;
  });
  // CHECK-MESSAGES: :[[@LINE-4]]:17: warning: coroutine lambda given to 'std::thread', which drops the 'fire' it returns
  // CHECK-MESSAGES: :[[@LINE-4]]:5: note: 'validate' is not noexcept
  t.join();

  // Negatives: the body catches everything; the slot keeps the task.
  subscribe([](int v) -> fire {
    try {
      validate(v);
    } catch (...) {
    }
    co_return;
  });
  subscribe_task([](int v) -> fire {
    validate(v);
    co_return;
  });
}

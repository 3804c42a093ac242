// RUN: %check_async_tidy %s async-coroutine-lifetime %t -- \
// RUN:   --config="{CheckOptions: {SchedulingFunctions: 'app::Loop::defer', \
// RUN:     async-coroutine-lifetime.ClosureOwners: 'app::Loop::spawn_owned;app::hold'}}"
// A home-made lazy task (recognised by its shape), a home-made loop named
// in SchedulingFunctions, and wrappers listed in ClosureOwners.

#include <coroutine>
#include <string>

namespace app {
template <class T = void> struct Job {
  struct promise_type {
    Job get_return_object();
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void unhandled_exception() {}
    void return_void() {}
  };
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) {}
  void await_resume() {}
};

struct Loop {
  // Calls f later and runs the job it returns; keeps f only for the call.
  template <class F> Job<> defer(F f) { return f(); }
  // Moves f into a job frame of its own.
  template <class F> Job<> spawn_owned(F f) { co_await f(); }
};

// Keeps the closure alive with the job it makes.
template <class F> struct hold {
  explicit hold(F f) : f(f) {}
  Job<> operator()() const { return f(); }
  F f;
};

Job<> fetch(const std::string &url);
} // namespace app

app::Job<> reported(app::Loop &loop, std::string url) {
  auto job = loop.defer([url]() -> app::Job<> { co_await app::fetch(url); });
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: the closure of this capturing lambda coroutine is handed to 'app::Loop::defer', which may destroy it once the coroutine has started
  co_await job;
  auto kept = app::fetch(url + "?page=2");
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: a temporary is bound to parameter 'url' of coroutine 'fetch'
  co_await kept;
}

app::Job<> left_alone(app::Loop &loop, std::string url) {
  auto a = loop.spawn_owned([url]() -> app::Job<> { co_await app::fetch(url); });
  auto b = loop.defer(app::hold([url]() -> app::Job<> { co_await app::fetch(url); }));
  co_await a;
  co_await b;
}

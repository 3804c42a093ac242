// RUN: %check_async_tidy %s async-use-after-suspend %t

// folly::coro::Task, cppcoro's generator (whose co_yield runs only its
// consumer) and a home-made task type that no table names: the check needs only the
// coroutine's body, so every task type is covered alike.

#include <coroutine>
#include <deque>
#include <map>
#include <string>
#include <vector>
#include <folly/coro/Task.h>
#include "cppcoro/generator.hpp"

folly::coro::Task<int> lookup(std::string key);

class Cache {
public:
  folly::coro::Task<int> refresh(const std::string &key);
  folly::coro::Task<int> refresh_safely(std::string key);
  cppcoro::generator<int> values();

private:
  std::map<std::string, int> entries_;
  std::deque<int> history_;
};

folly::coro::Task<int> Cache::refresh(const std::string &key) {
  int &slot = entries_[key];
  slot = co_await lookup(key);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: reference 'slot' into member 'entries_' is used after a co_await; {{.*}}
  // CHECK-MESSAGES: :[[@LINE-3]]:8: note: 'slot' is taken here, before the co_await
  // CHECK-MESSAGES: :[[@LINE-3]]:10: note: the coroutine suspends here; other code runs before it resumes
  co_return slot;
}

// Negative: the value is awaited first and stored through a fresh lookup.
folly::coro::Task<int> Cache::refresh_safely(std::string key) {
  int value = co_await lookup(key);
  entries_[key] = value;
  co_return value;
}

// Negative: co_yield hands control to the generator's consumer alone, as
// an iterator over the member would.
cppcoro::generator<int> Cache::values() {
  for (int v : history_)
    co_yield v;
}

// A home-made task type, recognised by its shape alone.
namespace mine {
template <class T> struct job {
  struct promise_type {
    job get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_value(T) {}
    void unhandled_exception() {}
  };
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  T await_resume() { return T(); }
};
} // namespace mine

mine::job<int> tick();
std::vector<std::string> journal;

mine::job<int> append_line() {
  std::string &line = journal.emplace_back();
  line += "start";
  int n = co_await tick();
  line += std::to_string(n);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: reference 'line' into global 'journal' is used after a co_await; {{.*}}
  co_return n;
}

// Negative: the element is reached again after the suspension.
mine::job<int> append_line_again() {
  journal.emplace_back("start");
  int n = co_await tick();
  journal.back() += std::to_string(n);
  co_return n;
}

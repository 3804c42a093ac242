// RUN: %check_async_tidy %s async-sync-over-async %t -- \
// RUN:   --config="{CheckOptions: {async-sync-over-async.AsyncFunctions: 'app::handlers::.*', \
// RUN:     async-sync-over-async.BlockingFunctions: 'app::Database::query', \
// RUN:     async-sync-over-async.AllowedFunctions: 'std::shared_future::get', \
// RUN:     async-sync-over-async.SchedulingFunctions: 'app::EventLoop::enqueue'}}"

#include <future>
#include "cppcoro/task.hpp"

namespace app {
struct Database {
  int query(const char *sql);
};
struct EventLoop {
  template <class F> void enqueue(F &&f) {}
};

namespace handlers {
// Listed in AsyncFunctions: runs on the event loop though it is no coroutine.
void on_message(std::future<int> &f, Database &db) {
  f.get();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: blocking wait 'std::future<int>::get' inside 'on_message', declared async; await the result asynchronously or attach a continuation [async-sync-over-async]
  db.query("select 1");
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: blocking wait 'app::Database::query' inside 'on_message', declared async; wait for the result asynchronously
}
} // namespace handlers

// Marked in the source.
[[clang::annotate("async_tidy::async")]] void on_timer(std::future<int> &f) {
  f.wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: blocking wait 'std::future<int>::wait' inside 'on_timer', declared async
}

void schedule(EventLoop &loop, std::future<int> &f) {
  loop.enqueue([&f] { f.get(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: blocking wait 'std::future<int>::get' inside a lambda run by 'app::EventLoop::enqueue'
  // CHECK-MESSAGES: :[[@LINE-2]]:8: note: the lambda is run by 'app::EventLoop::enqueue' here
}

// AllowedFunctions: this project's shared futures are always ready here.
cppcoro::task<int> allowed(std::shared_future<int> f) { co_return f.get(); }

// Not listed anywhere: plain functions stay quiet.
void other(std::future<int> &f, Database &db) {
  f.get();
  db.query("select 2");
}
} // namespace app

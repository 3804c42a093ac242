// RUN: %check_async_tidy %s async-coroutine-lifetime %t
// A lazy task (cppcoro::task): the coroutine starts only when awaited, so
// anything its frame refers to must live until then.

#include <string>
#include <string_view>
#include <vector>
#include "cppcoro/sync_wait.hpp"
#include "cppcoro/task.hpp"

using cppcoro::task;

struct Request {
  std::string path;
};

task<int> lookup(const std::string &key);
task<void> log_line(std::string_view line);
task<void> handle(const Request &req);
task<void> by_value(std::string key);
task<void> by_pointer(const int *counter);

// Temporaries bound to reference and view parameters.

task<void> keeps_temporary() {
  auto t = lookup("users");
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: a temporary is bound to parameter 'key' of coroutine 'lookup' and destroyed at the end of the full-expression, but the coroutine is kept in 't' and still refers to it; make the parameter a value, or await the coroutine in the same full-expression [async-coroutine-lifetime]
  // CHECK-MESSAGES: :[[@LINE-11]]:37: note: parameter 'key' is declared here
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the task is kept here
  co_await t;
}

task<void> returns_view_of_temporary() {
  return log_line(std::string("GET ") + "/index");
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: a temporary is bound to parameter 'line' of coroutine 'log_line' and destroyed at the end of the full-expression, but the coroutine is returned and still refers to it
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: the task is returned here
}

std::vector<task<void>> pending;

void stores_in_container() {
  pending.push_back(handle(Request{"/"}));
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: a temporary is bound to parameter 'req' of coroutine 'handle' and destroyed at the end of the full-expression, but the coroutine is stored beyond this function
}

// Locals and by-value parameters bound to parameters of a returned task.

task<void> returns_task_on_local() {
  Request req{"/"};
  return handle(req);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'req' is bound to parameter 'req' of coroutine 'handle', but the coroutine is returned and outlives 'req', which dies when this function returns; make the parameter a value, or keep 'req' alive until the task is done [async-coroutine-lifetime]
  // CHECK-MESSAGES: :[[@LINE-33]]:34: note: parameter 'req' is declared here
  // CHECK-MESSAGES: :[[@LINE-4]]:11: note: 'req' is declared here
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the task is returned here
}

task<void> forwards_by_value_parameter(Request req) {
  return log_line(req.path);
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'req' is bound to parameter 'line' of coroutine 'log_line', but the coroutine is returned and outlives 'req'
}

task<void> returns_stored_task() {
  int counter = 0;
  auto t = by_pointer(&counter);
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: 'counter' is bound to parameter 'counter' of coroutine 'by_pointer', but the coroutine is returned and outlives 'counter'
  return t;
}

struct Server {
  task<void> current;
  void start() {
    std::string name = "main";
    current = lookup_and_log(name);
    // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: 'name' is bound to parameter 'name' of coroutine 'lookup_and_log', but the coroutine is stored beyond this function
  }
  task<void> lookup_and_log(const std::string &name);
};

// Capturing lambda coroutines whose closure is a temporary.

task<void> stores_lambda_task(int id) {
  auto t = [id]() -> task<void> {
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: the closure of this capturing lambda coroutine is a temporary destroyed at the end of the full-expression, but the coroutine is kept in 't'; its captures live in the closure, not in the coroutine frame, and dangle once it suspends; pass the captures as parameters by value, or keep the closure alive until the task is done [async-coroutine-lifetime]
    // CHECK-MESSAGES: :[[@LINE-2]]:13: note: 'id' is captured here
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the task is kept here
    co_await lookup(std::to_string(id));
  }();
  co_await t;
}

task<void> returns_lambda_task(Request &req) {
  return [&req]() -> task<void> { co_await handle(req); }();
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: the closure of this capturing lambda coroutine is a temporary destroyed at the end of the full-expression, but the coroutine is returned
}

struct Widget {
  int id = 0;
  task<void> refresh() {
    return [this]() -> task<void> { co_await by_value(std::to_string(id)); }();
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: the closure of this capturing lambda coroutine is a temporary destroyed at the end of the full-expression, but the coroutine is returned
    // CHECK-MESSAGES: :[[@LINE-2]]:13: note: 'this' is captured here
  }
};

// A closure in a local, with the task returned.
task<void> returns_task_of_local_closure(int id) {
  auto body = [id]() -> task<void> { co_await by_value(std::to_string(id)); };
  return body();
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: the coroutine of lambda 'body' is returned, but the closure 'body' is a local that dies when this function returns, and the captures live in it, not in the coroutine frame
}

// Look-alikes that are right.

task<void> awaited_in_same_full_expression(const Request &outer) {
  co_await lookup("users");                       // the temporary outlives the await
  co_await log_line(std::string("a") + "b");
  int n = co_await lookup(std::string("k"));
  co_await [&outer]() -> task<void> { co_await handle(outer); }();
  co_await [n]() -> task<void> { co_await by_value(std::to_string(n)); }();
  (void)n;
}

void waited_in_same_full_expression() {
  cppcoro::sync_wait(lookup("users"));
  cppcoro::sync_wait([x = 1]() -> task<void> { co_await by_value(std::to_string(x)); }());
}

task<void> values_and_literals() {
  auto a = by_value("copied into the frame");     // by-value parameter
  auto b = log_line("a literal lives forever");   // view of a string literal
  static const std::string Table = "t";
  auto c = lookup(Table);                         // a static outlives the task
  co_await a;
  co_await b;
  co_await c;
}

task<void> local_task_on_local(const std::string &key) {
  std::string copy = key;
  auto t = lookup(copy);    // the task is awaited while 'copy' lives
  co_await t;
  Request req{"/"};
  task<void> h = handle(req);
  co_await h;
}

task<void> lookup_wrapper(const std::string &key);
task<void> forwards_reference(const std::string &key) {
  return lookup_wrapper(key);   // the caller owns 'key'
}

task<void> captureless_lambda() {
  auto t = []() -> task<void> { co_await by_value("x"); }();   // no captures
  co_await t;
}

task<void> closure_outlives_task(int id) {
  auto body = [id]() -> task<void> { co_await by_value(std::to_string(id)); };
  auto t = body();       // 'body' lives as long as 't'
  co_await t;
}

void dropped_lazy_task() {
  lookup("users");       // never started: nothing refers to the temporary
}

// A coroutine with a reference parameter that every caller awaits at once.
task<std::size_t> length(const std::string &s) { co_return s.size(); }

task<void> awaits_length() {
  auto n = co_await length("abc");
  auto m = co_await length(std::string(3, 'x'));
  (void)(n + m);
}

// Reduced from the field test (cppcoro, concurrencpp, libcoro tests).
struct Pool {
  // Not a coroutine (defined elsewhere): it moves the task away.
  task<void> spawn_joinable(task<void> &&t);
};

task<void> field_negatives(Pool &pool, int n) {
  // A closure captured from the enclosing function is that function's.
  auto make = [n](int i) -> task<int> { co_return n + i; };
  auto run = [&]() -> task<void> {
    auto a = make(1);
    co_await a;
  };
  co_await run();
  // Elements of a local container live as long as it does.
  std::vector<task<void>> results(2);
  std::string names[2] = {"a", "b"};
  for (int i = 0; i < 2; ++i)
    results[i] = handle(Request{names[i]});
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: a temporary is bound to parameter 'req' of coroutine 'handle' and destroyed at the end of the full-expression, but the coroutine is kept in 'results'
  // CHECK-MESSAGES: :[[@LINE-177]]:34: note: parameter 'req' is declared here
  // CHECK-MESSAGES: :[[@LINE-3]]:5: note: the task is kept here
  for (int i = 0; i < 2; ++i)
    results[i] = log_line(names[i]);
  for (auto &r : results)
    co_await r;
  // Ownership handed over through an rvalue reference; std::move is no
  // coroutine.
  auto joined = pool.spawn_joinable(by_value("x"));
  task<void> moved = std::move(joined);
  co_await moved;
}

// RUN: %check_async_tidy %s async-detached-dangling-reference %t

#include <memory>
#include <string>
#include <string_view>
#include "boost/asio.hpp"
#include "pplx/pplxtasks.h"

namespace asio = boost::asio;
using asio::awaitable;

struct Request {
  std::string path;
};

awaitable<void> handle(const Request &req);
awaitable<void> log_line(std::string_view line);
awaitable<void> handle_copy(Request req);
awaitable<void> with_pointer(const int *counter);

void spawn_with_local(asio::io_context &ioc) {
  Request req{"/"};
  asio::co_spawn(ioc, handle(req), asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: 'req' is destroyed when its scope ends, but it is bound to parameter 'req' of coroutine 'handle', whose frame keeps it in work detached by 'boost::asio::co_spawn'; copy or move it into the work, or share its ownership [async-detached-dangling-reference]
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: the work is detached here
  // CHECK-MESSAGES: :[[@LINE-4]]:11: note: 'req' is declared here
  // CHECK-MESSAGES: :[[@LINE+7]]:1: note: 'req' is destroyed here
  int counter = 0;
  asio::co_spawn(ioc, with_pointer(&counter), asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:36: warning: 'counter' is destroyed when its scope ends, but it is bound to parameter 'counter' of coroutine 'with_pointer'
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: the work is detached here
  // CHECK-MESSAGES: :[[@LINE-4]]:7: note: 'counter' is declared here
  // CHECK-MESSAGES: :[[@LINE+1]]:1: note: 'counter' is destroyed here
}

void spawn_with_view(asio::io_context &ioc) {
  std::string line = "hello";
  asio::co_spawn(ioc, log_line(line), asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: 'line' is destroyed when its scope ends, but it is bound to parameter 'line' of coroutine 'log_line'
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: the work is detached here
  // CHECK-MESSAGES: :[[@LINE-4]]:15: note: 'line' is declared here
  // CHECK-MESSAGES: :[[@LINE+1]]:1: note: 'line' is destroyed here
}

void spawn_with_temporary(asio::io_context &ioc) {
  asio::co_spawn(ioc, handle(Request{"/tmp"}), asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: a temporary is bound to parameter 'req' of coroutine 'handle', detached by 'boost::asio::co_spawn'; the temporary is destroyed at the end of the statement while the coroutine still refers to it; make the parameter a value
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: the work is detached here
}

void spawn_with_view_of_member(asio::io_context &ioc) {
  Request req{"/index"};
  asio::co_spawn(ioc, log_line(req.path), asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: 'req' is destroyed when its scope ends, but it is bound to parameter 'line' of coroutine 'log_line', whose frame keeps it in work detached by 'boost::asio::co_spawn'
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: the work is detached here
  // CHECK-MESSAGES: :[[@LINE-4]]:11: note: 'req' is declared here
  // CHECK-MESSAGES: :[[@LINE+4]]:1: note: 'req' is destroyed here
  asio::co_spawn(ioc, log_line(std::string("GET ") + req.path), asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: a temporary is bound to parameter 'line' of coroutine 'log_line', detached by 'boost::asio::co_spawn'
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: the work is detached here
}

void spawn_with_pointer_copy(asio::io_context &ioc, const int *shared) {
  const int *alias = shared;   // the pointer is copied; what it points to is not ours
  asio::co_spawn(ioc, with_pointer(alias), asio::detached);
}

void spawn_lambda(asio::io_context &ioc) {
  std::string user = "u";
  asio::co_spawn(
      ioc,
      [&]() -> awaitable<void> {
        co_await log_line(user);
        // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: 'user' is destroyed when its scope ends, but it is captured by reference in work detached by 'boost::asio::co_spawn'
        // CHECK-MESSAGES: :[[@LINE-5]]:3: note: the work is detached here
        // CHECK-MESSAGES: :[[@LINE-7]]:15: note: 'user' is declared here
        // CHECK-MESSAGES: :[[@LINE+3]]:1: note: 'user' is destroyed here
      },
      asio::detached);
}

// Safe twins: by value, string literals, statics, awaited, and in main,
// where the event loop runs before the locals die.
awaitable<void> parent(asio::io_context &ioc) {
  Request req{"/"};
  asio::co_spawn(ioc, handle_copy(req), asio::detached);
  asio::co_spawn(ioc, log_line("static text"), asio::detached);
  static Request shared_req{"/s"};
  asio::co_spawn(ioc, handle(shared_req), asio::detached);
  co_await asio::co_spawn(ioc, handle(req), asio::use_awaitable);
}

int main() {
  asio::io_context ioc;
  Request req{"/"};
  asio::co_spawn(ioc, handle(req), asio::detached);
  ioc.run();
}

// A request-scoped object reached through a reference: owned elsewhere, but
// it lives only as long as its request.
void forward(asio::io_context &ioc, const Request &incoming) {
  asio::post(ioc, [&incoming] { (void)incoming.path; });
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: 'incoming' refers to a request-scoped 'Request' owned elsewhere, and it is captured by reference in work detached by 'boost::asio::post'; the request may end first; copy what the work needs or share ownership
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: the work is detached here
}
void forward_config(asio::io_context &ioc, const std::string &config) {
  asio::post(ioc, [&config] { (void)config.size(); });
}

// Continuations nobody waits for.
pplx::task<int> count();
pplx::task<int> returned_continuation() {
  int base = 1;
  return count().then([&base](int n) { return n + base; });
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: 'base' is destroyed when its scope ends, but it is captured by reference in work detached by 'pplx::task::then'
  // CHECK-MESSAGES: :[[@LINE-2]]:18: note: the work is detached here
  // CHECK-MESSAGES: :[[@LINE-4]]:7: note: 'base' is declared here
  // CHECK-MESSAGES: :[[@LINE+1]]:1: note: 'base' is destroyed here
}
int waited_continuation() {
  int base = 1;
  return count().then([&base](int n) { return n + base; }).get();
}

// co_spawn with use_future: detached unless the future is waited on here.
void spawn_future(asio::io_context &ioc) {
  Request req{"/"};
  auto done = asio::co_spawn(ioc, handle(req), asio::use_future);
  done.get();
  Request other{"/o"};
  asio::co_spawn(ioc, handle(other), asio::use_future);
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: 'other' is destroyed when its scope ends, but it is bound to parameter 'req' of coroutine 'handle'
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: the work is detached here
  // CHECK-MESSAGES: :[[@LINE-4]]:11: note: 'other' is declared here
  // CHECK-MESSAGES: :[[@LINE+1]]:1: note: 'other' is destroyed here
}

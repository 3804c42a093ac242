// Real headers from Debian: Boost.Asio awaitables, cpprestsdk tasks and
// std::async results that are dropped.
// REQUIRES: boost-asio, cpprest
// -DBOOST_ASIO_HAS_*: Boost 1.74 needs them to use coroutines with Clang;
// later releases define them themselves, so they are harmless there.
// RUN: %check_async_tidy --no-mocks %s async-discarded-task %t -- -- -std=c++20 \
// RUN:   -DBOOST_ASIO_HAS_CO_AWAIT -DBOOST_ASIO_HAS_STD_COROUTINE

#include <utility>
#include <boost/asio.hpp>
#include <future>
#include <pplx/pplxtasks.h>
#include <string>

namespace asio = boost::asio;
using asio::awaitable;
using asio::use_awaitable;
using asio::ip::tcp;

awaitable<void> send_greeting(tcp::socket &socket) {
  co_await asio::async_write(socket, asio::buffer("hello\n", 6), use_awaitable);
}

awaitable<void> session(tcp::socket socket) {
  send_greeting(socket);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::asio::awaitable<void>' returned by 'send_greeting' is discarded; the work never starts unless it is awaited; use 'co_await' [async-discarded-task]
  // CHECK-FIXES: {{^}}  co_await send_greeting(socket);{{$}}
  char data[64];
  std::size_t n = co_await socket.async_read_some(asio::buffer(data), use_awaitable);
  (void)n;
}

pplx::task<std::string> fetch(const std::string &url);
int crunch();

void start(asio::io_context &ioc) {
  fetch("http://localhost/");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'pplx::task<std::basic_string<char>>' returned by 'fetch' is discarded; its completion and errors are never observed; await it, keep it, or hand it to something that runs it
  std::async(std::launch::async, crunch);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::future<int>' returned by 'std::async' is discarded; its destructor blocks until the work finishes
  asio::co_spawn(ioc, session(tcp::socket(ioc)), asio::detached);
}

// A task-based continuation that handles its errors (then() passes a
// defaulted task_options after it): dropping its task loses nothing. A
// value-based one loses the antecedent's error.
void report(const std::string &);
void chain() {
  fetch("http://localhost/").then([](pplx::task<std::string> body) {
    try {
      report(body.get());
    } catch (const std::exception &e) {
      report(e.what());
    }
  });
  fetch("http://localhost/").then([](std::string body) { report(body); });
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'pplx::task<void>' returned by 'pplx::task<std::string>::then' is discarded
}

int main() {
  asio::io_context ioc;
  start(ioc);
  auto pending = fetch("http://localhost/");
  pending.wait();
  ioc.run();
}

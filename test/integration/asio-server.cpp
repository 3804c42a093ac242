// Boost.Asio from Debian (1.74): a coroutine echo server with three kinds of
// blocking waits, and the same waits in main, which are fine.
// REQUIRES: boost-asio
// -DBOOST_ASIO_HAS_*: Boost 1.74 needs them to use coroutines with Clang;
// later releases define them themselves, so they are harmless there.
// RUN: %check_async_tidy --no-mocks %s async-sync-over-async %t -- -- -std=c++20 \
// RUN:   -DBOOST_ASIO_HAS_CO_AWAIT -DBOOST_ASIO_HAS_STD_COROUTINE

#include <utility>
#include <boost/asio.hpp>
#include <future>
#include <string>

namespace asio = boost::asio;
using asio::awaitable;
using asio::use_awaitable;
using asio::ip::tcp;

std::future<std::string> lookup_user(const std::string &name);

std::string load_greeting() {
  return lookup_user("greeting").get();
  // CHECK-MESSAGES: :[[@LINE-1]]:34: warning: blocking wait 'std::future<std::string>::get' inside 'load_greeting', called from coroutine 'echo'; await the result asynchronously or attach a continuation [async-sync-over-async]
  // CHECK-MESSAGES: :[[@LINE+6]]:23: note: 'load_greeting' is called here from coroutine 'echo'
}

awaitable<void> echo(tcp::socket socket) {
  std::string user = lookup_user("peer").get();
  // CHECK-MESSAGES: :[[@LINE-1]]:42: warning: blocking wait 'std::future<std::string>::get' inside coroutine 'echo'
  std::string hello = load_greeting();
  char data[1024];
  for (;;) {
    std::size_t n = co_await socket.async_read_some(asio::buffer(data), use_awaitable);
    co_await asio::async_write(socket, asio::buffer(data, n), use_awaitable);
  }
}

awaitable<void> listener() {
  auto executor = co_await asio::this_coro::executor;
  tcp::acceptor acceptor(executor, {tcp::v4(), 5555});
  for (;;) {
    tcp::socket socket = co_await acceptor.async_accept(use_awaitable);
    asio::co_spawn(executor, echo(std::move(socket)), asio::detached);
  }
}

void warm_cache(asio::io_context &ioc) {
  asio::post(ioc, [] {
    lookup_user("cache").wait();
    // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: blocking wait 'std::future<std::string>::wait' inside a lambda run by 'boost::asio::post'
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the lambda is run by 'boost::asio::post' here
  });
}

int main() {
  asio::io_context ioc(1);
  std::string admin = lookup_user("admin").get();
  std::string greeting = load_greeting();
  warm_cache(ioc);
  asio::co_spawn(ioc, listener(), asio::detached);
  ioc.run();
}

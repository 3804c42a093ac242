// Boost.Asio from Debian: lambda coroutines and reference parameters of
// awaitables, with the std library's string, string_view and span.
// REQUIRES: boost-asio
// RUN: %check_async_tidy --no-mocks %s async-coroutine-lifetime %t -- -- -std=c++20 \
// RUN:   -DBOOST_ASIO_HAS_CO_AWAIT -DBOOST_ASIO_HAS_STD_COROUTINE

#include <utility>
#include <boost/asio.hpp>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace asio = boost::asio;
using asio::awaitable;
using asio::use_awaitable;

struct Connection {
  std::string peer;
};

awaitable<void> send_line(std::string_view line);
awaitable<int> checksum(std::span<const char> bytes);
awaitable<void> serve(std::shared_ptr<Connection> c);

void start(asio::io_context &ioc, std::shared_ptr<Connection> c) {
  // The closure dies when co_spawn returns; the awaitable runs later.
  asio::co_spawn(ioc, [c]() -> awaitable<void> { co_await serve(c); }(),
                 asio::detached);
  // CHECK-MESSAGES: :[[@LINE-2]]:23: warning: the closure of this capturing lambda coroutine is a temporary destroyed at the end of the full-expression, but the coroutine is handed to 'boost::asio::co_spawn'
  // CHECK-MESSAGES: :[[@LINE-3]]:24: note: 'c' is captured here
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the task is handed off here

  // co_spawn keeps a function object in the frame it runs it from.
  asio::co_spawn(ioc, [c]() -> awaitable<void> { co_await serve(c); },
                 asio::detached);
}

awaitable<void> greet(const Connection &conn) {
  std::string text = "hello " + conn.peer;
  return send_line(text);
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: 'text' is bound to parameter 'line' of coroutine 'send_line', but the coroutine is returned and outlives 'text'
}

awaitable<int> sum_of_temporary() {
  auto pending = checksum(std::vector<char>{'a', 'b'});
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: a temporary is bound to parameter 'bytes' of coroutine 'checksum' and destroyed at the end of the full-expression, but the coroutine is kept in 'pending'
  co_return co_await std::move(pending);
}

// Right: awaited in the same full-expression, or by value.
awaitable<void> fine(std::shared_ptr<Connection> c) {
  co_await send_line(std::string("bye ") + c->peer);
  int sum = co_await checksum(std::vector<char>{'x'});
  co_await [c]() -> awaitable<void> { co_await serve(c); }();
  co_await asio::co_spawn(co_await asio::this_coro::executor,
                          [c]() -> awaitable<void> { co_await serve(c); }(),
                          use_awaitable);
  (void)sum;
}

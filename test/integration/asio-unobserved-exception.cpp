// Boost.Asio from Debian (1.74): a listener and a session co_spawn'ed with
// asio::detached, a stackful spawn with no handler (1.74's spawn takes no
// completion token), and their look-alikes that observe the error.
// REQUIRES: boost-asio
// -DBOOST_ASIO_HAS_*: Boost 1.74 needs them to use coroutines with Clang;
// later releases define them themselves, so they are harmless there.
// RUN: %check_async_tidy --no-mocks %s async-unobserved-exception %t -- -- -std=c++20 \
// RUN:   -DBOOST_ASIO_HAS_CO_AWAIT -DBOOST_ASIO_HAS_STD_COROUTINE

#include <utility>
#include <boost/asio.hpp>
#include <boost/asio/spawn.hpp>
#include <exception>
#include <functional>
#include <iostream>
#include <utility>

namespace asio = boost::asio;
using asio::awaitable;
using asio::use_awaitable;
using asio::ip::tcp;

awaitable<void> echo(tcp::socket socket) {
  try {
    char data[1024];
    for (;;) {
      std::size_t n = co_await socket.async_read_some(asio::buffer(data), use_awaitable);
      co_await asio::async_write(socket, asio::buffer(data, n), use_awaitable);
    }
  } catch (const std::exception &e) {
    std::printf("echo: %s\n", e.what());
  }
}

awaitable<void> listener(tcp::acceptor acceptor) {
  for (;;) {
    tcp::socket socket = co_await acceptor.async_accept(use_awaitable);
    asio::co_spawn(acceptor.get_executor(), echo(std::move(socket)), asio::detached);
  }
}

void start(asio::io_context &ctx, tcp::acceptor acceptor) {
  asio::co_spawn(ctx, listener(std::move(acceptor)), asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:54: warning: the coroutine started by 'boost::asio::co_spawn' can throw, and its completion token drops the exception
  // CHECK-MESSAGES: :[[@LINE-8]]:26: note: the awaited operation can rethrow its error here, outside a try block
}

void start_observed(asio::io_context &ctx, tcp::acceptor acceptor) {
  asio::co_spawn(ctx, listener(std::move(acceptor)), [](std::exception_ptr e) {
    if (e)
      std::rethrow_exception(e);
  });
}

void stackful(asio::io_context &ctx, tcp::socket &socket) {
  asio::spawn(ctx, [&socket](asio::yield_context yield) {
    // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the stackful coroutine started by 'boost::asio::spawn' can throw, and no completion handler receives the exception
    char data[64];
    socket.async_read_some(asio::buffer(data), yield);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: '{{.*}}' is not noexcept and is called outside a try block
  });
  asio::spawn(ctx, [&socket](asio::yield_context yield) {
    try {
      char data[64];
      socket.async_read_some(asio::buffer(data), yield);
    } catch (...) {
    }
  });
}

// The fix: the handler that rethrows.
// CHECK-FIXES: {{^}}  asio::co_spawn(ctx, listener(std::move(acceptor)), [](std::exception_ptr e) { if (e) std::rethrow_exception(e); });{{$}}

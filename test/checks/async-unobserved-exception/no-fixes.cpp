// RUN: %check_async_tidy %s async-unobserved-exception %t

#include "boost/asio.hpp"
#include <exception>

namespace asio = boost::asio;

void parse(int);
asio::awaitable<void> session() {
  parse(1);
  co_return;
}
asio::awaitable<int> count() {
  parse(2);
  co_return 1;
}

#define DETACHED asio::detached

void start(asio::io_context &ctx) {
  // No fix: the handler of an awaitable<int> takes the value too, and a
  // macro is not rewritten.
  asio::co_spawn(ctx, count(), asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: the coroutine started by
  // CHECK-MESSAGES: :[[@LINE-11]]:3: note: 'parse' is not noexcept
  // CHECK-FIXES: {{^}}  asio::co_spawn(ctx, count(), asio::detached);{{$}}
  asio::co_spawn(ctx, session(), DETACHED);
  // CHECK-MESSAGES: :[[@LINE-1]]:34: warning: the coroutine started by
  // CHECK-MESSAGES: :[[@LINE-19]]:3: note: 'parse' is not noexcept
  // CHECK-FIXES: {{^}}  asio::co_spawn(ctx, session(), DETACHED);{{$}}
}

// RUN: %check_async_tidy --fixes-clean %s async-unobserved-exception %t

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
  asio::co_spawn(ctx, session(), asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:34: warning: the coroutine started by 'boost::asio::co_spawn' can throw
  // CHECK-MESSAGES: :[[@LINE-13]]:3: note: 'parse' is not noexcept
  // CHECK-FIXES: {{^}}  asio::co_spawn(ctx, session(), [](std::exception_ptr e) { if (e) std::rethrow_exception(e); });{{$}}
  using asio::detached;
  co_spawn(ctx, session(), detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: the coroutine started by
  // CHECK-MESSAGES: :[[@LINE-18]]:3: note: 'parse' is not noexcept
  // CHECK-FIXES: {{^}}  co_spawn(ctx, session(), [](std::exception_ptr e) { if (e) std::rethrow_exception(e); });{{$}}

}

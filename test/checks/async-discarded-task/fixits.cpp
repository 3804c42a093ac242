// RUN: %check_async_tidy --fixes-clean %s async-discarded-task %t

#include "boost/asio.hpp"
#include "cppcoro/task.hpp"

namespace asio = boost::asio;

cppcoro::task<int> compute();
cppcoro::task<void> flush();
asio::awaitable<void> send_all(asio::ip::tcp::socket &socket);

// Inside a coroutine an awaitable result is awaited: the fix inserts co_await.
cppcoro::task<int> handler() {
  flush();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'cppcoro::task<>' returned by 'flush' is discarded; the work never starts unless it is awaited; use 'co_await' [async-discarded-task]
  // CHECK-FIXES: {{^}}  co_await flush();{{$}}
  if (true)
    compute();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'cppcoro::task<int>' returned by 'compute' is discarded
  // CHECK-FIXES: {{^}}    co_await compute();{{$}}
  (void)compute();
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'cppcoro::task<int>' returned by 'compute' is discarded
  // CHECK-FIXES: {{^}}  (void)co_await compute();{{$}}
  co_return 1;
}

asio::awaitable<void> session(asio::ip::tcp::socket socket) {
  char data[8];
  co_await send_all(socket);
  socket.async_read_some(asio::buffer(data), asio::use_awaitable);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::asio::awaitable<unsigned long>' returned by 'asio::ip::tcp::socket::async_read_some' is discarded; the work never starts unless it is awaited; use 'co_await'
  // CHECK-FIXES: {{^}}  co_await socket.async_read_some(asio::buffer(data), asio::use_awaitable);{{$}}
  send_all(socket);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::asio::awaitable<void>' returned by 'send_all' is discarded
  // CHECK-FIXES: {{^}}  co_await send_all(socket);{{$}}
}

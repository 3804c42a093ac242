// RUN: %check_async_tidy %s async-sync-over-async %t

#include <utility>
#include <future>
#include "boost/asio.hpp"

namespace asio = boost::asio;
using asio::awaitable;
using asio::use_awaitable;

std::future<int> compute();

awaitable<void> session(asio::ip::tcp::socket socket) {
  char data[64];
  std::size_t n = co_await socket.async_read_some(asio::buffer(data), use_awaitable);
  int v = compute().get();
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: blocking wait 'std::future<int>::get' inside coroutine 'session'; await the result asynchronously or attach a continuation [async-sync-over-async]
  (void)n;
  (void)v;
}

void schedule(asio::io_context &ioc, std::future<int> &f) {
  asio::post(ioc, [&f] { f.wait(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: blocking wait 'std::future<int>::wait' inside a lambda run by 'boost::asio::post'; await the result asynchronously or attach a continuation [async-sync-over-async]
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: the lambda is run by 'boost::asio::post' here

  auto handler = [&f] { return f.get(); };
  // CHECK-MESSAGES: :[[@LINE-1]]:34: warning: blocking wait 'std::future<int>::get' inside a lambda run by 'boost::asio::dispatch'
  // CHECK-MESSAGES: :[[@LINE+1]]:3: note: the lambda is run by 'boost::asio::dispatch' here
  asio::dispatch(ioc.get_executor(), handler);
}

struct Session {
  asio::ip::tcp::socket socket;
  std::future<int> pending;
  char buf[16];
  void on_read(boost::system::error_code ec, std::size_t n) {
    pending.get();
    // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: blocking wait 'std::future<int>::get' inside 'Session::on_read', called from a lambda used as completion handler of 'boost::asio::basic_stream_socket::async_read_some'
    // CHECK-MESSAGES: :[[@LINE+4]]:12: note: the lambda is the completion handler of 'boost::asio::basic_stream_socket::async_read_some' here
    // CHECK-MESSAGES: :[[@LINE+5]]:30: note: 'Session::on_read' is called here from a lambda used as completion handler
  }
  void start() {
    socket.async_read_some(asio::buffer(buf),
                           [this](boost::system::error_code ec, std::size_t n) {
                             on_read(ec, n);
                           });
  }
};

// Re-entering the io_context a handler runs on deadlocks it.
void reenter(asio::io_context &ioc) {
  asio::post(ioc, [&ioc] { ioc.run_one(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: 'boost::asio::io_context::run_one' runs an event loop inside a lambda run by 'boost::asio::post', blocking the thread that runs it; post the work to the running executor instead of running its loop here [async-sync-over-async]
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: the lambda is run by 'boost::asio::post' here
}

awaitable<void> nested_loop(asio::io_context &ioc) {
  ioc.run();
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'boost::asio::io_context::run' runs an event loop inside coroutine 'nested_loop'
  co_return;
}

// Negatives: running an io_context on the threads of a pool is the usual
// way to serve it; main and threads may block.
void serve_on_pool(asio::io_context &ioc, asio::thread_pool &pool) {
  for (int i = 0; i < 4; ++i)
    asio::post(pool, [&ioc] { ioc.run(); });
}

int main() {
  asio::io_context ioc;
  asio::co_spawn(ioc, session(asio::ip::tcp::socket(ioc)), asio::detached);
  asio::co_spawn(
      ioc,
      [&]() -> awaitable<void> {
        compute().wait();
        // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: blocking wait 'std::future<int>::wait' inside a coroutine lambda run by 'boost::asio::co_spawn'
        // CHECK-MESSAGES: :[[@LINE-5]]:3: note: the lambda is run by 'boost::asio::co_spawn' here
        co_return;
      },
      asio::detached);
  std::future<int> f = compute();
  f.get();
  ioc.run();
}

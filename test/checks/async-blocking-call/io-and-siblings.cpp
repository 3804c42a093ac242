// RUN: %check_async_tidy %s async-blocking-call %t

#include <string>
#include "boost/asio.hpp"

namespace asio = boost::asio;
using asio::awaitable;
using asio::use_awaitable;
using asio::ip::tcp;

awaitable<void> echo(tcp::socket socket, tcp::resolver &resolver) {
  char data[128];
  std::size_t n = socket.read_some(asio::buffer(data));
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: blocking call 'tcp::socket::read_some' inside coroutine 'echo'; use the asynchronous operation of the I/O library [async-blocking-call]
  asio::write(socket, asio::buffer(data, n));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call 'boost::asio::write' inside coroutine 'echo'; use the asynchronous operation of the I/O library
  auto results = resolver.resolve("example.com", "80");
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: blocking call 'tcp::resolver::resolve' inside coroutine 'echo'; resolve names asynchronously (async_resolve)
  asio::connect(socket, results);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call 'boost::asio::connect' inside coroutine 'echo'
  // The asynchronous operations themselves are what to use.
  n = co_await socket.async_read_some(asio::buffer(data), use_awaitable);
  co_await asio::async_write(socket, asio::buffer(data, n), use_awaitable);
  co_await asio::async_connect(socket, results, use_awaitable);
}

// A function with an asynchronous sibling beside it: suggest the sibling.
namespace store {
class Client {
public:
  std::string Get(const std::string &key);
  asio::awaitable<std::string> GetAsync(const std::string &key);
  void flush();
  asio::awaitable<void> async_flush();
  void compact();
  asio::awaitable<void> compact_async();
  int size();
};
void upload(const char *path);
asio::awaitable<void> asyncUpload(const char *path);
} // namespace store

awaitable<void> use_store(store::Client &c) {
  std::string v = c.Get("k");
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: blocking call 'store::Client::Get' inside coroutine 'use_store'; use its asynchronous sibling 'GetAsync' instead
  c.flush();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: blocking call 'store::Client::flush' inside coroutine 'use_store'; use its asynchronous sibling 'async_flush' instead
  c.compact();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: blocking call 'store::Client::compact' inside coroutine 'use_store'; use its asynchronous sibling 'compact_async' instead
  store::upload("/tmp/x");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call 'store::upload' inside coroutine 'use_store'; use its asynchronous sibling 'asyncUpload' instead
  // No sibling, no finding.
  (void)c.size();
  std::string w = co_await c.GetAsync("k");
  co_await c.async_flush();
}

// Polling an io_context in a synchronous loop, and synchronous I/O in plain
// functions and main, are left alone.
void drain(asio::io_context &ioc) {
  while (ioc.poll() > 0) {
  }
}

void blocking_client(tcp::socket &socket, store::Client &c) {
  char data[16];
  asio::read(socket, asio::buffer(data));
  c.flush();
}

int main() {
  asio::io_context ioc;
  tcp::socket socket(ioc);
  char data[16];
  socket.write_some(asio::buffer(data));
}

// Boost.Asio from Debian: a session coroutine detached with a reference to a
// request on the stack; the by-value version is silent. And std::thread.
// REQUIRES: boost-asio
// -DBOOST_ASIO_HAS_*: Boost 1.74 needs them to use coroutines with Clang;
// later releases define them themselves, so they are harmless there.
// RUN: %check_async_tidy --no-mocks %s async-detached-dangling-reference %t -- -- -std=c++20 \
// RUN:   -DBOOST_ASIO_HAS_CO_AWAIT -DBOOST_ASIO_HAS_STD_COROUTINE

#include <utility>
#include <boost/asio.hpp>
#include <memory>
#include <string>
#include <thread>

namespace asio = boost::asio;
using asio::awaitable;
using asio::use_awaitable;
using asio::ip::tcp;

struct HttpRequest {
  std::string target;
};

awaitable<void> serve(tcp::socket socket, const HttpRequest &request) {
  co_await asio::async_write(socket, asio::buffer(request.target), use_awaitable);
}

awaitable<void> serve_copy(tcp::socket socket, HttpRequest request) {
  co_await asio::async_write(socket, asio::buffer(request.target), use_awaitable);
}

awaitable<void> accept_loop(tcp::acceptor acceptor) {
  for (;;) {
    tcp::socket socket = co_await acceptor.async_accept(use_awaitable);
    HttpRequest request{"/index.html"};
    asio::co_spawn(acceptor.get_executor(),
                   serve(std::move(socket), request), asio::detached);
    // CHECK-MESSAGES: :[[@LINE-1]]:45: warning: 'request' is destroyed when its scope ends, but it is bound to parameter 'request' of coroutine 'serve', whose frame keeps it in work detached by 'boost::asio::co_spawn'; copy or move it into the work, or share its ownership [async-detached-dangling-reference]
    // CHECK-MESSAGES: :[[@LINE-3]]:5: note: the work is detached here
    // CHECK-MESSAGES: :[[@LINE-5]]:17: note: 'request' is declared here
    // CHECK-MESSAGES: :[[@LINE+5]]:3: note: 'request' is destroyed here
    HttpRequest other{"/other"};
    tcp::socket second = co_await acceptor.async_accept(use_awaitable);
    asio::co_spawn(acceptor.get_executor(),
                   serve_copy(std::move(second), other), asio::detached);
  }
}

class Connection : public std::enable_shared_from_this<Connection> {
public:
  explicit Connection(tcp::socket socket) : socket_(std::move(socket)) {}
  void start() {
    asio::post(socket_.get_executor(), [this] { read(); });
    // CHECK-MESSAGES: :[[@LINE-1]]:41: warning: 'this' is captured in work detached by 'boost::asio::post', but 'Connection' is owned by a shared_ptr
    // CHECK-MESSAGES: :[[@LINE-2]]:5: note: the work is detached here
    asio::post(socket_.get_executor(),
               [self = shared_from_this()] { self->read(); });
  }
  void read();

private:
  tcp::socket socket_;
};

void log_later(const std::string &line);

void threads() {
  std::string line = "started";
  std::thread([&line] { log_later(line); }).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'line' is destroyed when its scope ends, but it is captured by reference in work detached by 'std::thread::detach'
  // CHECK-MESSAGES: :[[@LINE-2]]:45: note: the work is detached here
  // CHECK-MESSAGES: :[[@LINE-4]]:15: note: 'line' is declared here
  // CHECK-MESSAGES: :[[@LINE+4]]:1: note: 'line' is destroyed here
  std::thread([line] { log_later(line); }).detach();
  std::thread joined([&line] { log_later(line); });
  joined.join();
}

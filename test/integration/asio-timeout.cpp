// Boost.Asio from Debian: a read guarded by a timeout timer that is never
// cancelled, and the same read with timer.cancel() after it.
// REQUIRES: boost-asio
// -DBOOST_ASIO_HAS_*: Boost 1.74 needs them to use coroutines with Clang;
// later releases define them themselves, so they are harmless there.
// RUN: %check_async_tidy --no-mocks %s async-undisposed-timeout %t -- -- -std=c++20 \
// RUN:   -DBOOST_ASIO_HAS_CO_AWAIT -DBOOST_ASIO_HAS_STD_COROUTINE

#include <utility>
#include <boost/asio.hpp>
#include <chrono>

namespace asio = boost::asio;
using asio::awaitable;
using asio::use_awaitable;
using asio::ip::tcp;
using namespace std::chrono_literals;

awaitable<void> read_two(tcp::socket &socket) {
  asio::steady_timer timer(socket.get_executor());
  timer.expires_after(5s);
  timer.async_wait([&socket](boost::system::error_code ec) {
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: timer 'timer' is armed as a timeout for 'socket' but is not cancelled when the operation completes first; it fires later and cancels 'socket' in the middle of whatever it does next; cancel 'timer' when the operation completes [async-undisposed-timeout]
    if (!ec)
      socket.cancel();
  });
  char header[4];
  co_await asio::async_read(socket, asio::buffer(header), use_awaitable);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: note: the guarded operation; its completion does not cancel 'timer'
  char body[64];
  co_await asio::async_read(socket, asio::buffer(body), use_awaitable);
}

awaitable<void> read_two_fixed(tcp::socket &socket) {
  asio::steady_timer timer(socket.get_executor());
  timer.expires_after(5s);
  timer.async_wait([&socket](boost::system::error_code ec) {
    if (!ec)
      socket.cancel();
  });
  char header[4];
  co_await asio::async_read(socket, asio::buffer(header), use_awaitable);
  timer.cancel();
  char body[64];
  co_await asio::async_read(socket, asio::buffer(body), use_awaitable);
}

class Reader {
public:
  explicit Reader(asio::io_context &ioc) : socket_(ioc), timer_(ioc) {}
  void start() {
    timer_.expires_after(5s);
    timer_.async_wait([this](boost::system::error_code ec) {
      if (!ec)
        socket_.close();
    });
    socket_.async_read_some(asio::buffer(buf_),
                            [this](boost::system::error_code, std::size_t) {
                              timer_.cancel();
                            });
  }

private:
  tcp::socket socket_;
  asio::steady_timer timer_;
  char buf_[64];
};

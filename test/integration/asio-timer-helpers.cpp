// Boost.Asio from Debian: timeouts armed or disarmed through functions of
// the file. A completion handler that gives the timer to a function is
// judged by that function's body; a function that takes the timer and the
// socket arms the timeout for its callers. Look-alikes: a helper that
// cancels (directly or one call further), one that expires the timer now,
// a function of another file (unknown here: taken to disarm).
// REQUIRES: boost-asio
// RUN: %check_async_tidy --no-mocks %s async-undisposed-timeout %t -- -- -std=c++20

#include <utility>
#include <boost/asio.hpp>
#include <chrono>
#include <cstddef>

namespace asio = boost::asio;
using asio::ip::tcp;
using namespace std::chrono_literals;

struct Connection {
  tcp::socket socket;
  asio::steady_timer deadline;
  char buffer[512];
};

void stop_deadline(asio::steady_timer &timer) { timer.cancel(); }
void expire_now(asio::steady_timer *timer) {
  timer->expires_at(asio::steady_timer::time_point::min());
}
void stop_through(Connection &c) { stop_deadline(c.deadline); }
void log_deadline(asio::steady_timer &timer) {
  (void)timer.expiry(); // Looks only.
}
void release_elsewhere(asio::steady_timer &timer); // Another file's.

void start_deadline(asio::steady_timer &timer, tcp::socket &socket) {
  timer.expires_after(30s);
  timer.async_wait([&socket](const boost::system::error_code &ec) {
    if (ec != asio::error::operation_aborted)
      socket.close();
  });
}

void read_and_log(Connection &c) {
  start_deadline(c.deadline, c.socket);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: timer 'deadline' is armed as a timeout for 'socket' but is not cancelled when the operation completes first
  c.socket.async_read_some(
      asio::buffer(c.buffer),
      [&c](const boost::system::error_code &, std::size_t) {
        log_deadline(c.deadline);
      });
  // CHECK-MESSAGES: :[[@LINE-5]]:12: note: the guarded operation; its completion does not cancel 'deadline'
  // CHECK-MESSAGES: :[[@LINE-15]]:9: note: 'start_deadline' arms it here
}

void read_inline_armed(Connection &c) {
  c.deadline.expires_after(10s);
  c.deadline.async_wait([&c](const boost::system::error_code &ec) {
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: timer 'deadline' is armed as a timeout for 'socket' but is not cancelled when the operation completes first
    if (!ec)
      c.socket.cancel();
  });
  c.socket.async_read_some(
      asio::buffer(c.buffer),
      [&c](const boost::system::error_code &, std::size_t) {
        log_deadline(c.deadline);
      });
  // CHECK-MESSAGES: :[[@LINE-5]]:12: note: the guarded operation; its completion does not cancel 'deadline'
}

// Disarmed through a function: silent.
void read_and_stop(Connection &c) {
  start_deadline(c.deadline, c.socket);
  c.socket.async_read_some(
      asio::buffer(c.buffer),
      [&c](const boost::system::error_code &, std::size_t) {
        stop_deadline(c.deadline);
      });
}

void read_and_expire(Connection &c) {
  start_deadline(c.deadline, c.socket);
  c.socket.async_read_some(
      asio::buffer(c.buffer),
      [&c](const boost::system::error_code &, std::size_t) {
        expire_now(&c.deadline);
      });
}

void read_and_release(Connection &c) {
  start_deadline(c.deadline, c.socket);
  c.socket.async_read_some(
      asio::buffer(c.buffer),
      [&c](const boost::system::error_code &, std::size_t) {
        release_elsewhere(c.deadline);
      });
}

// The handler gives the whole connection to a function that cancels its
// timer.
void read_and_stop_through(Connection &c) {
  start_deadline(c.deadline, c.socket);
  c.socket.async_read_some(
      asio::buffer(c.buffer),
      [&c](const boost::system::error_code &, std::size_t) {
        stop_through(c);
      });
}

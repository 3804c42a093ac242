// RUN: %check_async_tidy %s async-undisposed-timeout %t

// A completion handler that gives the timer to a function: the function's
// body says whether it disarms the timer, two calls deep; a function whose
// body is in another file may (the project index tells, across files).

#include <chrono>
#include "boost/asio.hpp"

namespace asio = boost::asio;
using asio::ip::tcp;
using namespace std::chrono_literals;

void stop_timer(asio::steady_timer &timer) { timer.cancel(); }
void stop_via(asio::steady_timer *timer) { stop_timer(*timer); }
void note_timer(asio::steady_timer &timer) { (void)&timer; }
void show_timer(const asio::steady_timer &timer);
void stop_elsewhere(asio::steady_timer &timer); // another file's

// Disarmed through the helpers of this file, or possibly by another file's.
void read_stopped(tcp::socket &socket, asio::steady_timer &timer, char *buf) {
  timer.expires_after(5s);
  timer.async_wait([&socket](boost::system::error_code) { socket.cancel(); });
  socket.async_read_some(asio::buffer(buf, 8),
                         [&timer](boost::system::error_code, std::size_t) {
                           stop_timer(timer);
                         });
}

void read_stopped_via(tcp::socket &socket, asio::steady_timer &timer,
                      char *buf) {
  timer.async_wait([&socket](boost::system::error_code) { socket.cancel(); });
  socket.async_read_some(asio::buffer(buf, 8),
                         [&timer](boost::system::error_code, std::size_t) {
                           stop_via(&timer);
                         });
}

void read_stopped_elsewhere(tcp::socket &socket, asio::steady_timer &timer,
                            char *buf) {
  timer.async_wait([&socket](boost::system::error_code) { socket.cancel(); });
  socket.async_read_some(asio::buffer(buf, 8),
                         [&timer](boost::system::error_code, std::size_t) {
                           stop_elsewhere(timer);
                         });
}

// Given to functions that leave it armed: one whose body does not cancel
// it, one that can only look at it.
void read_noted(tcp::socket &socket, asio::steady_timer &timer, char *buf) {
  timer.async_wait([&socket](boost::system::error_code) { socket.cancel(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: timer 'timer' is armed as a timeout for 'socket' but is not cancelled when the operation completes first
  socket.async_read_some(asio::buffer(buf, 8),
                         [&timer](boost::system::error_code, std::size_t) {
                           note_timer(timer);
                         });
  // CHECK-MESSAGES: :[[@LINE-4]]:10: note: the guarded operation; its completion does not cancel 'timer'
}

void read_shown(tcp::socket &socket, asio::steady_timer &timer, char *buf) {
  timer.async_wait([&socket](boost::system::error_code) { socket.cancel(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: timer 'timer' is armed as a timeout for 'socket' but is not cancelled when the operation completes first
  socket.async_read_some(asio::buffer(buf, 8),
                         [&timer](boost::system::error_code, std::size_t) {
                           show_timer(timer);
                         });
  // CHECK-MESSAGES: :[[@LINE-4]]:10: note: the guarded operation; its completion does not cancel 'timer'
}

// A function of this file arms the timeout; its callers start the
// operation and must cancel the timer when it completes.
void arm_timeout(asio::steady_timer &timer, tcp::socket &socket) {
  timer.expires_after(5s);
  timer.async_wait([&socket](boost::system::error_code ec) {
    if (!ec)
      socket.cancel();
  });
}

void read_armed(tcp::socket &socket, asio::steady_timer &timer, char *buf) {
  arm_timeout(timer, socket);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: timer 'timer' is armed as a timeout for 'socket' but is not cancelled when the operation completes first
  socket.async_read_some(asio::buffer(buf, 8),
                         [](boost::system::error_code, std::size_t) {});
  // CHECK-MESSAGES: :[[@LINE-2]]:10: note: the guarded operation; its completion does not cancel 'timer'
  // CHECK-MESSAGES: :[[@LINE-12]]:9: note: 'arm_timeout' arms it here
}

void read_armed_stopped(tcp::socket &socket, asio::steady_timer &timer,
                        char *buf) {
  arm_timeout(timer, socket);
  socket.async_read_some(asio::buffer(buf, 8),
                         [&timer](boost::system::error_code, std::size_t) {
                           stop_timer(timer);
                         });
}

// Boost.Asio from Debian: a coroutine echo server that writes synchronously
// and sleeps, a lock held over a timer wait, and the same calls where they
// are fine.
// REQUIRES: boost-asio
// -DBOOST_ASIO_HAS_*: Boost 1.74 needs them to use coroutines with Clang;
// later releases define them themselves, so they are harmless there.
// RUN: %check_async_tidy --no-mocks %s async-blocking-call %t -- -- -std=c++20 \
// RUN:   -DBOOST_ASIO_HAS_CO_AWAIT -DBOOST_ASIO_HAS_STD_COROUTINE

#include <utility>
#include <boost/asio.hpp>
#include <chrono>
#include <mutex>
#include <thread>

namespace asio = boost::asio;
using asio::awaitable;
using asio::use_awaitable;
using asio::ip::tcp;
using namespace std::chrono_literals;

std::mutex stats_mutex;
std::size_t bytes_echoed = 0;

awaitable<void> echo(tcp::socket socket) {
  char data[1024];
  for (;;) {
    std::size_t n =
        co_await socket.async_read_some(asio::buffer(data), use_awaitable);
    asio::write(socket, asio::buffer(data, n));
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: blocking call 'boost::asio::write' inside coroutine 'echo'; use the asynchronous operation of the I/O library [async-blocking-call]
    std::this_thread::sleep_for(5ms);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: blocking call 'std::this_thread::sleep_for' inside coroutine 'echo'; wait on an asynchronous timer instead
    socket.write_some(asio::buffer(data, n));
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: blocking call 'tcp::socket::write_some' inside coroutine 'echo'
  }
}

awaitable<void> throttle(asio::steady_timer &timer, std::size_t n) {
  std::lock_guard<std::mutex> guard(stats_mutex);
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: lock 'guard' of type 'std::lock_guard<std::mutex>' is held across a suspension point in coroutine 'throttle'
  bytes_echoed += n;
  timer.expires_after(10ms);
  co_await timer.async_wait(use_awaitable);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: 'co_await' suspends here while 'guard' is held
}

awaitable<void> throttle_fixed(asio::steady_timer &timer, std::size_t n) {
  {
    std::lock_guard<std::mutex> guard(stats_mutex);
    bytes_echoed += n;
  }
  timer.expires_after(10ms);
  co_await timer.async_wait(use_awaitable);
}

// Synchronous code on its own thread, and the event loop in main.
void blocking_client(asio::io_context &ioc) {
  tcp::socket socket(ioc);
  tcp::resolver resolver(ioc);
  asio::connect(socket, resolver.resolve("localhost", "7000"));
  asio::write(socket, asio::buffer("hi", 2));
}

int main() {
  asio::io_context ioc;
  std::thread client([&ioc] {
    std::this_thread::sleep_for(100ms);
    blocking_client(ioc);
  });
  while (ioc.poll() == 0)
    std::this_thread::sleep_for(1ms);
  client.join();
}

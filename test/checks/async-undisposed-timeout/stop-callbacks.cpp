// RUN: %check_async_tidy %s async-undisposed-timeout %t

#include <stop_token>
#include "boost/asio.hpp"

namespace asio = boost::asio;
using asio::ip::tcp;

// A stop_callback used as a timeout: it cancels the socket when a watchdog
// requests a stop. Left registered after the read, it cancels the write.
asio::awaitable<void> exchange(tcp::socket &s, std::stop_token deadline) {
  char b[8];
  std::stop_callback on_timeout(deadline, [&s] { s.cancel(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: stop callback 'on_timeout' cancels 's' and stays registered after the operation completes; a stop requested later cancels 's' in the middle of whatever it does next; end its scope right after the operation [async-undisposed-timeout]
  co_await s.async_read_some(asio::buffer(b), asio::use_awaitable);
  // CHECK-MESSAGES: :[[@LINE-1]]:14: note: the guarded operation; 'on_timeout' is still registered after it
  co_await s.async_write_some(asio::buffer(b), asio::use_awaitable);
}

// Scoped to the read: unregistered before the next wait.
asio::awaitable<void> exchange_scoped(tcp::socket &s, std::stop_token deadline) {
  char b[8];
  {
    std::stop_callback on_timeout(deadline, [&s] { s.cancel(); });
    co_await s.async_read_some(asio::buffer(b), asio::use_awaitable);
  }
  co_await s.async_write_some(asio::buffer(b), asio::use_awaitable);
}

// The last operation of the coroutine: nothing follows it.
asio::awaitable<void> read_once(tcp::socket &s, std::stop_token deadline) {
  char b[8];
  std::stop_callback on_timeout(deadline, [&s] { s.cancel(); });
  co_await s.async_read_some(asio::buffer(b), asio::use_awaitable);
}

// A stop callback that cancels nothing is no timeout.
asio::awaitable<void> logging(tcp::socket &s, std::stop_token token, int &stops) {
  char b[8];
  std::stop_callback count(token, [&stops] { ++stops; });
  co_await s.async_read_some(asio::buffer(b), asio::use_awaitable);
  co_await s.async_write_some(asio::buffer(b), asio::use_awaitable);
}

#include "chat/session.hpp"
#include <chrono>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace chat {
static std::mutex history_mutex;
static std::vector<std::string> history;

// Planted: the lock is still held when the coroutine suspends.
static awaitable<void> replay_history(tcp::socket &socket) {
  std::lock_guard<std::mutex> lock(history_mutex);
  for (const std::string &line : history)
    co_await asio::async_write(socket, asio::buffer(line), use_awaitable);
}

// Planted: blocks the calling thread; fine for tools, wrong from a session.
static std::string banner_for(Directory &directory, const std::string &peer) {
  return "welcome " + directory.lookup(peer + "/title").get();
}

awaitable<void> run_session(tcp::socket socket, Directory &directory,
                            Metrics &metrics) {
  // Planted: a blocking wait inside the coroutine.
  std::string peer = directory.lookup("peer").get();
  // Planted: a helper that blocks, called from the coroutine.
  std::string banner = banner_for(directory, peer);
  co_await asio::async_write(socket, asio::buffer(banner), use_awaitable);
  co_await replay_history(socket);
  char data[1024];
  // Planted: an idle timeout that nobody cancels once the first read
  // arrives; it closes the socket in the middle of a later read.
  asio::steady_timer idle(socket.get_executor());
  idle.expires_after(std::chrono::seconds(30));
  idle.async_wait([&socket](boost::system::error_code ec) {
    if (!ec)
      socket.close();
  });
  for (;;) {
    std::size_t n =
        co_await socket.async_read_some(asio::buffer(data), use_awaitable);
    metrics.record_message(n);
    // Planted: rate limiting by sleeping stalls every session on the thread.
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    co_await asio::async_write(socket, asio::buffer(data, n), use_awaitable);
  }
}

awaitable<void> listen(tcp::acceptor acceptor, Directory &directory,
                       Metrics &metrics) {
  for (;;) {
    tcp::socket socket = co_await acceptor.async_accept(use_awaitable);
    std::string peer = socket.remote_endpoint().address().to_string();
    // Planted: the posted lambda outlives 'peer', which dies with this
    // iteration.
    asio::post(acceptor.get_executor(), [&peer] { history.push_back(peer); });
    asio::co_spawn(acceptor.get_executor(),
                   run_session(std::move(socket), directory, metrics),
                   asio::detached);
  }
}
} // namespace chat

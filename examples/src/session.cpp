#include "chat/session.hpp"
#include <string>

namespace chat {
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
  char data[1024];
  for (;;) {
    std::size_t n =
        co_await socket.async_read_some(asio::buffer(data), use_awaitable);
    metrics.record_message(n);
    co_await asio::async_write(socket, asio::buffer(data, n), use_awaitable);
  }
}

awaitable<void> listen(tcp::acceptor acceptor, Directory &directory,
                       Metrics &metrics) {
  for (;;) {
    tcp::socket socket = co_await acceptor.async_accept(use_awaitable);
    asio::co_spawn(acceptor.get_executor(),
                   run_session(std::move(socket), directory, metrics),
                   asio::detached);
  }
}
} // namespace chat

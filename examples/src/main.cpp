#include "chat/session.hpp"
#include <iostream>

int main() {
  chat::asio::io_context ioc(1);
  chat::Directory directory;
  chat::Metrics metrics(ioc);
  // Blocking at startup, before the event loop runs, is fine.
  std::cout << "relay for " << directory.display_name("admin") << "\n";
  metrics.flush().get();
  // Planted: a future dropped on the floor; its errors are lost.
  metrics.flush();
  chat::asio::co_spawn(
      ioc,
      chat::listen(chat::tcp::acceptor(ioc, {chat::tcp::v4(), 7000}), directory,
                   metrics),
      chat::asio::detached);
  ioc.run();
}

#include "store.h"

boost::asio::awaitable<int> serve() {
  int Count = loadCount();
  co_return Count + cachedCount();
}

void handle(boost::asio::io_context &Context) {
  std::string Text = "request";
  saveLater(Context, Text);
  saveCopy(Context, Text);
}

void handleAndRun() {
  boost::asio::io_context Context;
  std::string Text = "request";
  saveLater(Context, Text);
  Context.run();
}

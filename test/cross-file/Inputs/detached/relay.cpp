#include "relay.h"
#include "jobs.h"

void relay(const std::string &Line) { logLater(Line); }

void postVia(boost::asio::io_context &Context, std::string &Text) {
  postLater(Context, Text);
}

void postAndRun(std::string &Text) {
  boost::asio::io_context Context;
  postLater(Context, Text);
  Context.run();
}

void runVia(std::function<void()> Work) { runLater(std::move(Work)); }

#include "jobs.h"
#include "relay.h"

void handle(boost::asio::io_context &Context) {
  std::string Line = "request";
  logLater(Line);
  std::string Text;
  postLater(Context, Text);
  logLater(std::string("temporary"));
  logCopy(Line);
  logJoined(Line);
}

// Through relay.cpp, which passes the argument on to jobs.cpp.
void handleRelayed(boost::asio::io_context &Context) {
  std::string Line;
  relay(Line);
  std::string Text;
  postVia(Context, Text);
  postAndRun(Text);
}

// Passes its parameter on to a helper of another file: a helper too.
void relayHere(const std::string &Line) { logLater(Line); }

void relayHereCaller() {
  std::string Line;
  relayHere(Line);
}

// Runs the context it passed: the posted work is done before Text dies.
void runsTheContext() {
  boost::asio::io_context Context;
  std::string Text;
  postLater(Context, Text);
  postVia(Context, Text);
  Context.run();
}

// A static outlives the work.
void keeps() {
  static std::string Kept;
  logLater(Kept);
  relay(Kept);
}

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

// Lambdas that capture a local by reference, handed to helpers of other
// files that detach them (directly, or through relay.cpp); one that runs the
// lambda before returning, and a lambda that copies, are fine.
void use(const std::string &);
void handleCallables() {
  std::string Line;
  runLater([&Line] { use(Line); });
  runVia([&Line] { use(Line); });
  runNow([&Line] { use(Line); });
  runLater([Line] { use(Line); });
}

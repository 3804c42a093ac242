#include "events.h"

void onTimer(cppcoro::async_manual_reset_event &Loaded,
             boost::asio::steady_timer &Timer,
             boost::asio::io_context &Context) {
  Timer.async_wait([&Loaded](boost::system::error_code) { finishLoad(Loaded); });
  Timer.async_wait([&Loaded](boost::system::error_code) { markDone(Loaded); });
  Timer.async_wait([&](boost::system::error_code) { finishOn(Loaded, Context); });
  Timer.async_wait([&Loaded](boost::system::error_code) { logLoad(Loaded); });
}

// Outside a completion handler the thread that completes is the caller's.
void complete(cppcoro::async_manual_reset_event &Loaded) { finishLoad(Loaded); }

// A primitive of the project, inferred from its code, opened in events.cpp.
void onGateTimer(Gate &G, boost::asio::steady_timer &Timer) {
  Timer.async_wait([&G](boost::system::error_code) { openGate(G); });
}

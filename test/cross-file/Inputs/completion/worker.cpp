#include "events.h"
#include <thread>

// The new thread completes the event: the waiters continue on it.
void startLoading(cppcoro::async_manual_reset_event &Loaded) {
  std::thread([&Loaded] { markDone(Loaded); }).detach();
}

// Completed on the caller's own thread.
void loadNow(cppcoro::async_manual_reset_event &Loaded) { markDone(Loaded); }

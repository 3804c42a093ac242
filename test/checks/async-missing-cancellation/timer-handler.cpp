// RUN: %check_async_tidy %s async-missing-cancellation %t
// A handler of a timer that its owner cancels, which takes "no error" for
// "not cancelled": a timer that had already expired when cancel() ran
// completes its wait with success, and the handler does what the cancel
// was meant to stop.

#include "boost/asio.hpp"
#include <chrono>

namespace asio = boost::asio;
using boost::system::error_code;
// (FileCheck would take the 'error:' of 'asio::error::' in a quoted line
// for an error.)
namespace errc = asio::error;

void send_ping();
void close_session();

class Heartbeat {
public:
  explicit Heartbeat(asio::io_context &io) : timer_(io), idle_(io), gen_(io) {}

  void arm() {
    timer_.expires_after(std::chrono::seconds(5));
    timer_.async_wait([this](error_code ec) {
      if (ec == errc::operation_aborted)
      // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: the handler of 'timer_' takes 'no error' for 'not cancelled': a timer that had already expired when it was cancelled completes with success; re-check the owner's state (a flag, a generation counter, or the timer's expiry) [async-missing-cancellation]
      // CHECK-MESSAGES: :[[@LINE+27]]:12: note: 'timer_' is cancelled here
        return;
      send_ping();
    });
  }

  void watch_idle() {
    idle_.async_wait([](error_code ec) {
      if (!ec)
      // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: the handler of 'idle_' takes 'no error' for 'not cancelled': a timer that had already expired when it was cancelled completes with success; re-check the owner's state (a flag, a generation counter, or the timer's expiry) [async-missing-cancellation]
      // CHECK-MESSAGES: :[[@LINE+18]]:11: note: 'idle_' is cancelled here
        close_session();
    });
  }

  // Looks at the owner's state after the error: left alone.
  void arm_checked() {
    gen_.async_wait([this, g = generation_](error_code ec) {
      if (ec || g != generation_ || stopped_)
        return;
      send_ping();
    });
  }

  void stop() {
    stopped_ = true;
    ++generation_;
    timer_.cancel();
    idle_.cancel();
    gen_.cancel();
  }

private:
  asio::steady_timer timer_, idle_, gen_;
  bool stopped_ = false;
  unsigned generation_ = 0;
};

// A timer nobody cancels: its handler only sees real errors.
void once(asio::io_context &io) {
  auto t = std::make_shared<asio::steady_timer>(io);
  t->async_wait([t](error_code ec) {
    if (ec)
      return;
    send_ping();
  });
}

// A handler that does nothing but test the error.
void quiet(asio::steady_timer &t) {
  t.async_wait([](error_code ec) {
    if (ec == errc::operation_aborted)
      return;
  });
  t.cancel();
}

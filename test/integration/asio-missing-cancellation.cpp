// Boost.Asio from Debian (1.74, which has no per-operation cancellation
// slots): the timer half of the check. A handler of a timer its owner
// cancels that takes "no error" for "not cancelled" is reported; one that
// re-checks the owner's generation counter is not.
// REQUIRES: boost-asio
// RUN: %check_async_tidy --no-mocks %s async-missing-cancellation %t -- -- -std=c++20

#include <boost/asio.hpp>
#include <chrono>

namespace asio = boost::asio;
using boost::system::error_code;
namespace errc = asio::error; // ('error:' in a quoted line reads as an error)

void send_ping();

class Heartbeat {
public:
  explicit Heartbeat(asio::io_context &io) : timer_(io), checked_(io) {}

  void arm() {
    timer_.expires_after(std::chrono::seconds(5));
    timer_.async_wait([this](error_code ec) {
      if (ec == errc::operation_aborted)
        // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: the handler of 'timer_' takes 'no error' for 'not cancelled': a timer that had already expired when it was cancelled completes with success; re-check the owner's state (a flag, a generation counter, or the timer's expiry) [async-missing-cancellation]
        return;
      send_ping();
      arm();
    });
  }

  void arm_checked() {
    checked_.expires_after(std::chrono::seconds(5));
    checked_.async_wait([this, g = generation_](error_code ec) {
      if (ec || g != generation_)
        return;
      send_ping();
      arm_checked();
    });
  }

  void stop() {
    ++generation_;
    timer_.cancel();
    // CHECK-MESSAGES: :[[@LINE-1]]:12: note: 'timer_' is cancelled here
    checked_.cancel();
  }

private:
  asio::steady_timer timer_, checked_;
  unsigned generation_ = 0;
};

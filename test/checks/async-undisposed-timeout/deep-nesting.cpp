// RUN: %check_async_tidy %s async-undisposed-timeout %t

// Generated code nests expressions tens of thousands deep, which Clang
// parses; the check must not overflow the stack where Clang does not, and
// still sees what follows (deep_sum.h: 49152 additions).
#define DEEP_TERM n
#include "deep_sum.h"

#include <chrono>
#include "boost/asio.hpp"

namespace asio = boost::asio;
using namespace std::chrono_literals;

class Client {
public:
  void read_with_timeout(std::size_t n) {
    total_ = DEEP_SUM;
    timer_.expires_after(5s);
    timer_.async_wait([this](boost::system::error_code ec) {
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: timer 'timer_' is armed as a timeout for 'socket_' but is not cancelled when the operation completes first; it fires later and cancels 'socket_' in the middle of whatever it does next; cancel 'timer_' when the operation completes [async-undisposed-timeout]
      if (!ec)
        socket_.close();
    });
    socket_.async_read_some(asio::buffer(buf_),
    // CHECK-MESSAGES: :[[@LINE-1]]:13: note: the guarded operation; its completion does not cancel 'timer_'
                            [this](boost::system::error_code, std::size_t) {});
  }

private:
  asio::steady_timer timer_;
  asio::ip::tcp::socket socket_;
  char buf_[64];
  std::size_t total_ = 0;
};

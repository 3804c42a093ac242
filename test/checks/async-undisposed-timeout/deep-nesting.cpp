// RUN: %check_async_tidy %s async-undisposed-timeout %t

// Generated code nests expressions tens of thousands deep, which Clang
// parses; the check must not overflow the stack where Clang does not, and
// still sees what follows. X15 + X14 is a chain of 49152 additions.
#define X0 n
#define X1 X0 + X0
#define X2 X1 + X1
#define X3 X2 + X2
#define X4 X3 + X3
#define X5 X4 + X4
#define X6 X5 + X5
#define X7 X6 + X6
#define X8 X7 + X7
#define X9 X8 + X8
#define X10 X9 + X9
#define X11 X10 + X10
#define X12 X11 + X11
#define X13 X12 + X12
#define X14 X13 + X13
#define X15 X14 + X14

#include <chrono>
#include "boost/asio.hpp"

namespace asio = boost::asio;
using namespace std::chrono_literals;

class Client {
public:
  void read_with_timeout(std::size_t n) {
    total_ = X15 + X14;
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

// RUN: %check_async_tidy %s async-undisposed-timeout %t -- \
// RUN:   --config="{CheckOptions: {TimerTypes: 'app::Deadline', \
// RUN:     async-undisposed-timeout.CancelFunctions: 'disarm'}}"

#include "boost/asio.hpp"

namespace asio = boost::asio;
using asio::ip::tcp;

namespace app {
// A project timer: listed in TimerTypes; 'disarm' is its cancel.
class Deadline {
public:
  template <class H> void async_wait(H handler) {}
  void disarm();
};
} // namespace app

struct Conn {
  tcp::socket socket;
  app::Deadline deadline;
  char buf[8];

  void read() {
    deadline.async_wait([this](boost::system::error_code ec) { socket.close(); });
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: timer 'deadline' is armed as a timeout for 'socket'
    socket.async_read_some(asio::buffer(buf),
    // CHECK-MESSAGES: :[[@LINE-1]]:12: note: the guarded operation; its completion does not cancel 'deadline'
                           [](boost::system::error_code, std::size_t) {});
  }
  void read_disarmed() {
    deadline.async_wait([this](boost::system::error_code ec) { socket.close(); });
    socket.async_read_some(asio::buffer(buf),
                           [this](boost::system::error_code, std::size_t) {
                             deadline.disarm();
                           });
  }
};

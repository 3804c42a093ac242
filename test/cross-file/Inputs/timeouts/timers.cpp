#include "timers.h"

void stopTimer(boost::asio::steady_timer &Timer) { Timer.cancel(); }

void noteTimer(boost::asio::steady_timer &Timer) { (void)&Timer; }

void armTimeout(boost::asio::steady_timer &Timer,
                boost::asio::ip::tcp::socket &Socket) {
  Timer.async_wait([&Socket](boost::system::error_code) { Socket.cancel(); });
}

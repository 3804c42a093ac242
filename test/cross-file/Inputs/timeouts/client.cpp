#include "timers.h"

using boost::asio::ip::tcp;

void readStopped(tcp::socket &Socket, boost::asio::steady_timer &Timer,
                 char *Buf) {
  Timer.async_wait([&Socket](boost::system::error_code) { Socket.cancel(); });
  Socket.async_read_some(boost::asio::buffer(Buf, 8),
                         [&Timer](boost::system::error_code, std::size_t) {
                           stopTimer(Timer);
                         });
}

void readNoted(tcp::socket &Socket, boost::asio::steady_timer &Timer,
               char *Buf) {
  Timer.async_wait([&Socket](boost::system::error_code) { Socket.cancel(); });
  Socket.async_read_some(boost::asio::buffer(Buf, 8),
                         [&Timer](boost::system::error_code, std::size_t) {
                           noteTimer(Timer);
                         });
}

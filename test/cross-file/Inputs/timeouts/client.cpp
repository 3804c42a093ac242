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

// The timeout is armed by timers.cpp; only one of the reads cancels it.
void readArmed(tcp::socket &Socket, boost::asio::steady_timer &Timer,
               char *Buf) {
  armTimeout(Timer, Socket);
  Socket.async_read_some(boost::asio::buffer(Buf, 8),
                         [](boost::system::error_code, std::size_t) {});
}

void readArmedStopped(tcp::socket &Socket, boost::asio::steady_timer &Timer,
                      char *Buf) {
  armTimeout(Timer, Socket);
  Socket.async_read_some(boost::asio::buffer(Buf, 8),
                         [&Timer](boost::system::error_code, std::size_t) {
                           stopTimer(Timer);
                         });
}

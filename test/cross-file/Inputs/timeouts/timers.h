#pragma once
#include "boost/asio.hpp"

// Defined in timers.cpp: one disarms the timer it is given, one does not.
void stopTimer(boost::asio::steady_timer &Timer);
void noteTimer(boost::asio::steady_timer &Timer);

// Arms the timer as a timeout that cancels the socket; the caller starts
// the operation.
void armTimeout(boost::asio::steady_timer &Timer,
                boost::asio::ip::tcp::socket &Socket);

#pragma once
#include "boost/asio.hpp"

// Defined in timers.cpp: one disarms the timer it is given, one does not.
void stopTimer(boost::asio::steady_timer &Timer);
void noteTimer(boost::asio::steady_timer &Timer);

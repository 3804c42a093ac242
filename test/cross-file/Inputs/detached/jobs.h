#pragma once
#include <boost/asio.hpp>
#include <string>

// Detach work that refers to the caller's argument.
void logLater(const std::string &Line);
void postLater(boost::asio::io_context &Context, std::string &Text);

// Look-alikes: the work copies the argument, or is waited for.
void logCopy(const std::string &Line);
void logJoined(const std::string &Line);

// Detaches the callable it is given; runNow calls it before returning.
#include <functional>
void runLater(std::function<void()> Work);
void runNow(std::function<void()> Work);

#pragma once
#include <boost/asio.hpp>
#include <string>

// Pass their parameters on to the helpers of jobs.cpp.
void relay(const std::string &Line);
void postVia(boost::asio::io_context &Context, std::string &Text);

// Runs the context the work goes to before returning.
void postAndRun(std::string &Text);

// Passes its callable on to runLater.
#include <functional>
void runVia(std::function<void()> Work);

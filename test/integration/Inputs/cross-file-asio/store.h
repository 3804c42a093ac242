#pragma once
#include <utility>
#include <boost/asio.hpp>
#include <string>

// Defined in store.cpp; server.cpp sees only these declarations.
int loadCount();
void saveLater(boost::asio::io_context &Context, const std::string &Text);
int cachedCount();
void saveCopy(boost::asio::io_context &Context, const std::string &Text);

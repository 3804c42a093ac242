#pragma once
// Boost 1.74 needs <utility> before Asio when compiled by clang.
#include <utility>
#include <boost/asio.hpp>

namespace chat {
namespace asio = boost::asio;
using asio::awaitable;
using asio::use_awaitable;
using asio::ip::tcp;
} // namespace chat

#pragma once
#include "chat/asio.hpp"
#include "chat/directory.hpp"
#include "chat/metrics.hpp"

namespace chat {
awaitable<void> run_session(tcp::socket socket, Directory &directory,
                            Metrics &metrics);
awaitable<void> listen(tcp::acceptor acceptor, Directory &directory,
                       Metrics &metrics);
} // namespace chat

#pragma once
#include "chat/asio.hpp"
#include <future>

namespace chat {
class Metrics {
public:
  explicit Metrics(asio::io_context &ioc) : ioc_(ioc) {}
  void record_message(std::size_t bytes);
  std::future<void> flush();

private:
  asio::io_context &ioc_;
  std::size_t bytes_ = 0;
};
} // namespace chat

#include "chat/metrics.hpp"

namespace chat {
void Metrics::record_message(std::size_t bytes) {
  asio::post(ioc_, [this, bytes] {
    bytes_ += bytes;
    // Planted: waits for the previous flush on the io_context thread.
    flush().wait();
  });
}

std::future<void> Metrics::flush() {
  std::promise<void> done;
  done.set_value();
  return done.get_future();
}
} // namespace chat

// Mock of cpprestsdk's HTTP server side (cpprest/http_listener.h): replies
// and the listener's open/close return pplx tasks.
#pragma once
#include <functional>
#include <string>
#include "pplx/pplxtasks.h"

namespace web {
namespace http {
using status_code = unsigned short;
namespace status_codes {
constexpr status_code OK = 200;
constexpr status_code NotFound = 404;
} // namespace status_codes
using method = std::string;

class http_response {
public:
  explicit http_response(status_code code);
};

class http_request {
public:
  pplx::task<void> reply(const http_response &response) const;
  pplx::task<void> reply(status_code code) const;
  pplx::task<void> reply(status_code code, const std::string &body) const;
  pplx::task<std::string> extract_string() const;
};

namespace experimental {
namespace listener {
class http_listener {
public:
  explicit http_listener(const std::string &address);
  void support(const method &m,
               const std::function<void(http_request)> &handler);
  pplx::task<void> open();
  pplx::task<void> close();
};
} // namespace listener
} // namespace experimental
} // namespace http
} // namespace web

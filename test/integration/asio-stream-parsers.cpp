// Boost.Asio from Debian: parsers that take any std::istream, called from
// an async_read_until handler. A stream over the asio::streambuf the read
// filled (a local, or a class of the project built over it) reads memory;
// a file stream given to the same kind of parser reads the disk.
// REQUIRES: boost-asio
// RUN: %check_async_tidy --no-mocks %s async-blocking-call %t -- -- -std=c++20

#include <utility>
#include <boost/asio.hpp>
#include <cstddef>
#include <fstream>
#include <istream>
#include <map>
#include <string>

namespace asio = boost::asio;
using asio::ip::tcp;

std::map<std::string, std::string> parse_headers(std::istream &in) {
  std::map<std::string, std::string> headers;
  std::string line;
  while (std::getline(in, line) && line != "\r") {
    auto colon = line.find(':');
    if (colon != std::string::npos)
      headers[line.substr(0, colon)] = line.substr(colon + 1);
  }
  return headers;
}

bool parse_request_line(std::istream &in, std::string &method) {
  return static_cast<bool>(std::getline(in, method));
}

std::size_t count_lines(std::istream &in) {
  std::size_t n = 0;
  for (std::string line; std::getline(in, line);)
    ++n;
  // CHECK-MESSAGES: :[[@LINE-2]]:26: warning: blocking call 'std::getline' inside 'count_lines', called from a lambda used as completion handler of 'boost::asio::async_read_until'
  return n;
}

template <class Socket> class Server {
public:
  class Content : public std::istream {
  public:
    explicit Content(asio::streambuf &buffer) : std::istream(&buffer) {}
  };
};

class Session {
public:
  explicit Session(tcp::socket socket) : socket_(std::move(socket)) {}

  void read_head() {
    asio::async_read_until(
        socket_, buffer_, "\r\n\r\n",
        [this](boost::system::error_code ec, std::size_t) {
          if (ec)
            return;
          std::istream head(&buffer_);
          std::string method;
          parse_request_line(head, method);
          parse_headers(content_);
          std::ifstream cached("cached-response.txt");
          count_lines(cached);
        });
  }

private:
  tcp::socket socket_;
  asio::streambuf buffer_;
  Server<tcp::socket>::Content content_{buffer_};
};

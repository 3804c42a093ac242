// RUN: %check_async_tidy %s async-blocking-call %t

#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include "boost/asio.hpp"

namespace asio = boost::asio;
using asio::ip::tcp;
using boost::system::error_code;

// Reading a line that async_read_until already put in an asio::streambuf
// through a std::istream does not touch the socket.
class LineReader {
public:
  void start() {
    asio::async_read_until(socket_, input_, '\n',
                           [this](error_code ec, std::size_t) { onLine(); });
  }

private:
  void onLine() {
    std::istream in(&input_);
    std::string line;
    std::getline(in, line);
    char tail[8];
    in.read(tail, sizeof tail);

    std::stringbuf text("a b");
    std::istream words(&text);
    std::getline(words, line);

    // A stream over a file buffer still reads the disk.
    std::filebuf file;
    std::istream disk(&file);
    std::getline(disk, line);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: blocking call 'std::getline' inside 'LineReader::onLine', called from a lambda used as completion handler of 'boost::asio::async_read_until'
    std::getline(std::cin, line);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: blocking call 'std::getline' inside 'LineReader::onLine'
  }

  tcp::socket socket_;
  asio::streambuf input_;
};

// A parser that takes any stream is judged by what its callers give it:
// a stream over the buffer a read filled is memory, a file is the disk.
std::size_t parseHeaders(std::istream &s) {
  std::string line;
  std::size_t count = 0;
  while (std::getline(s, line))
    ++count;
  return count;
}

std::size_t parseVia(std::istream &s) { return parseHeaders(s); }

std::size_t parseLines(std::istream &s) {
  std::string line;
  std::size_t count = 0;
  while (s.good()) {
    std::getline(s, line);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: blocking call 'std::getline' inside 'parseLines', called from a lambda used as completion handler of 'boost::asio::async_read_until'
    ++count;
  }
  return count;
}

class HeaderReader {
public:
  void start() {
    asio::async_read_until(socket_, input_, '\n',
                           [this](error_code, std::size_t) {
                             std::istream in(&input_);
                             parseHeaders(in);
                             std::istringstream text("a: b");
                             parseVia(text);
                             std::ifstream cached("headers.txt");
                             parseLines(cached);
                           });
  }

private:
  tcp::socket socket_;
  asio::streambuf input_;
};

// A stream class of the project's built over the buffer a read fills reads
// memory; one built over a file buffer reads the disk.
// A member class of a template, as in a server parameterized by its socket.
template <class Socket> struct ServerBase {
  class Content : public std::istream {
  public:
    explicit Content(asio::streambuf &buffer) : std::istream(&buffer) {}
  };
};
using Content = ServerBase<tcp::socket>::Content;

class FileContent : public std::istream {
public:
  explicit FileContent(std::filebuf &file) : std::istream(&file) {}
};

bool parseRequest(std::istream &s, std::string &method) {
  return static_cast<bool>(std::getline(s, method));
}

bool parseCached(std::istream &s, std::string &method) {
  return static_cast<bool>(std::getline(s, method));
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: blocking call 'std::getline' inside 'parseCached', called from a lambda used as completion handler of 'boost::asio::async_read_until'
}

class RequestReader {
public:
  void start() {
    asio::async_read_until(socket_, buffer_, '\n',
                           [this](error_code, std::size_t) {
                             std::string method;
                             parseRequest(content_, method);
                             std::getline(content_, method);
                             parseCached(cached_, method);
                           });
  }

private:
  tcp::socket socket_;
  asio::streambuf buffer_;
  Content content_{buffer_};
  std::filebuf file_;
  FileContent cached_{file_};
};

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

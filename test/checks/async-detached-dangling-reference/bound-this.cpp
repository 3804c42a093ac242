// RUN: %check_async_tidy %s async-detached-dangling-reference %t

#include <functional>
#include <memory>
#include "boost/asio.hpp"

namespace asio = boost::asio;
using asio::ip::tcp;
using boost::system::error_code;
using std::placeholders::_1;
using std::placeholders::_2;

// A completion handler made with bind: the bound 'this' is as raw as a
// captured one.
class Client : public std::enable_shared_from_this<Client> {
public:
  void readLine() {
    asio::async_read_until(socket_, input_, '\n',
                           std::bind(&Client::onLine, this, _1, _2));
    // CHECK-MESSAGES: :[[@LINE-1]]:55: warning: 'this' is bound in work detached by 'boost::asio::async_read_until', but 'Client' is owned by a shared_ptr; bind 'shared_from_this()' so the object lives until the work has run [async-detached-dangling-reference]
    // CHECK-MESSAGES: :[[@LINE-3]]:5: note: the work is detached here
  }
  void readLineKeptAlive() {
    asio::async_read_until(socket_, input_, '\n',
                           std::bind(&Client::onLine, shared_from_this(), _1,
                                     _2));
  }
  void readLineOwnedTwice() {
    asio::async_read_until(
        socket_, input_, '\n',
        std::bind(&Client::onLineKeep, this, shared_from_this(), _1, _2));
  }

private:
  void onLine(error_code, std::size_t) {}
  void onLineKeep(std::shared_ptr<Client>, error_code, std::size_t) {}
  tcp::socket socket_;
  asio::streambuf input_;
};

// A server that outlives its I/O: binding 'this' is its usual style.
class Server {
public:
  void readLine() {
    asio::async_read_until(socket_, input_, '\n',
                           std::bind(&Server::onLine, this, _1, _2));
  }

private:
  void onLine(error_code, std::size_t) {}
  tcp::socket socket_;
  asio::streambuf input_;
};

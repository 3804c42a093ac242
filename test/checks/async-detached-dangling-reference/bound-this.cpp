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

// A per-connection object that nobody owns: binding a raw 'this' lets the
// handler outlive it.
class ClientSession {
public:
  void start() {
    socket_.async_read_some(asio::buffer(data_),
                            std::bind(&ClientSession::onRead, this, _1, _2));
    // CHECK-MESSAGES: :[[@LINE-1]]:63: warning: 'this' is bound in work detached by 'boost::asio::basic_stream_socket::async_read_some', but 'ClientSession' lives only as long as its request; bind the data by value so the object lives until the work has run
    // CHECK-MESSAGES: :[[@LINE-3]]:13: note: the work is detached here
  }

private:
  void onRead(error_code, std::size_t) {}
  tcp::socket socket_;
  char data_[64];
};

// One that ends itself with 'delete this' from its own handlers lives
// exactly as long as the work referring to it.
class EchoSession {
public:
  void start() {
    socket_.async_read_some(asio::buffer(data_),
                            std::bind(&EchoSession::onRead, this, _1, _2));
    socket_.async_read_some(asio::buffer(data_),
                            [this](error_code ec, std::size_t) { onRead(ec, 0); });
  }

private:
  void onRead(error_code ec, std::size_t) {
    if (ec)
      delete this;
  }
  tcp::socket socket_;
  char data_[64];
};

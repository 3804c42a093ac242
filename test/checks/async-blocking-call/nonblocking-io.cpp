// RUN: %check_async_tidy %s async-blocking-call %t

// System calls that return instead of blocking: a non-blocking flag on the
// call or on the descriptor, a wake-up write of one integer, or two signs
// of a non-blocking descriptor (an awaited readiness wait on it, a test for
// EAGAIN/EINPROGRESS, non-blocking mode spelled where it is made).

#include <cerrno>
#include <cstdint>
#include <fcntl.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>
#include "boost/asio.hpp"
#include "coro/coro.hpp"
#include "cppcoro/task.hpp"

namespace asio = boost::asio;
using asio::awaitable;
using asio::use_awaitable;
using asio::ip::tcp;

// MSG_DONTWAIT makes this one call non-blocking.
cppcoro::task<long> peek(int fd, char *buf) {
  co_return recv(fd, buf, 64, MSG_DONTWAIT);
}

// Nearest true bug: the same recv on an ordinary socket.
cppcoro::task<long> receive(int fd, char *buf) {
  co_return recv(fd, buf, 64, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: blocking call 'recv' inside coroutine 'receive'
}

// The coroutine sets O_NONBLOCK on the descriptor it reads.
cppcoro::task<long> drain(int fd, char *buf) {
  int flags = fcntl(fd, F_GETFL, 0);
  fcntl(fd, F_SETFL, flags | O_NONBLOCK);
  co_return read(fd, buf, 64);
}

// ... but not on this one.
cppcoro::task<long> drain_other(int fd, int other, char *buf) {
  fcntl(other, F_SETFL, O_NONBLOCK);
  co_return read(fd, buf, 64);
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: blocking call 'read' inside coroutine 'drain_other'
}

// Created non-blocking: socket(..., SOCK_NONBLOCK).
awaitable<int> start_connect(const sockaddr *addr, socklen_t len) {
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  connect(fd, addr, len);
  co_return fd;
}

awaitable<int> blocking_connect(const sockaddr *addr, socklen_t len) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  connect(fd, addr, len);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call 'connect' inside coroutine 'blocking_connect'
  co_return fd;
}

// A class whose member descriptor its constructor makes non-blocking.
class Notifier {
public:
  Notifier() : fd_(eventfd(0, EFD_NONBLOCK)) {}
  coro::task<std::uint64_t> drain() {
    std::uint64_t count = 0;
    read(fd_, &count, sizeof(count));
    co_return count;
  }

private:
  int fd_;
};

// A message queue over a pipe its constructor makes non-blocking (cppcoro's
// Linux io_service): an element of the descriptor array stands for it.
class MessageQueue {
public:
  MessageQueue() { pipe2(fds_, O_NONBLOCK); }
  cppcoro::task<long> post(const char *message, unsigned long size) {
    co_return write(fds_[1], message, size);
  }

private:
  int fds_[2];
};

// The same queue over a blocking pipe: a reader that falls behind blocks
// the writer once the pipe is full.
class BlockingQueue {
public:
  BlockingQueue() { pipe(fds_); }
  cppcoro::task<long> post(const char *message, unsigned long size) {
    co_return write(fds_[1], message, size);
    // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: blocking call 'write' inside coroutine 'BlockingQueue::post'
  }

private:
  int fds_[2];
};

// Reading an eventfd made without EFD_NONBLOCK blocks until it is signalled.
class BlockingNotifier {
public:
  BlockingNotifier() : fd_(eventfd(0, 0)) {}
  coro::task<std::uint64_t> drain() {
    std::uint64_t count = 0;
    read(fd_, &count, sizeof(count));
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: blocking call 'read' inside coroutine 'BlockingNotifier::drain'
    co_return count;
  }

private:
  int fd_;
};

// Wake-ups: one integer token written to an eventfd or a self-pipe.
coro::task<void> wake(coro::scheduler &s, int trigger_fd) {
  co_await s.schedule();
  std::uint64_t value{1};
  auto unused = write(trigger_fd, &value, sizeof(value));
  (void)unused;
}

awaitable<void> wake_asio(int pipe_fd) {
  const char token = 'x';
  write(pipe_fd, &token, sizeof(token));
  co_return;
}

// Nearest true bugs: data, or a length computed at run time, to a socket.
awaitable<void> send_frame(int sock, const char *data, std::uint32_t n) {
  std::uint32_t len = n;
  len += 4;
  write(sock, &len, sizeof(len));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call 'write' inside coroutine 'send_frame'
  write(sock, data, n);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call 'write' inside coroutine 'send_frame'
  co_return;
}

// Reactor style (libcoro): connect returns EINPROGRESS, then the coroutine
// awaits writability of the same descriptor: two signals.
coro::task<bool> connect_nonblocking(coro::scheduler &s, int fd,
                                     const sockaddr *addr, socklen_t len) {
  if (connect(fd, addr, len) == -1 && errno == EINPROGRESS) {
    auto status = co_await s.poll(fd, coro::poll_op::write);
    co_return status == coro::poll_status::write;
  }
  co_return true;
}

// One signal is not enough: a read after a readiness wait on a descriptor
// nothing shows to be non-blocking (another reader may win the data).
coro::task<long> read_after_poll(coro::scheduler &s, int fd, char *buf) {
  co_await s.poll(fd, coro::poll_op::read);
  co_return read(fd, buf, 64);
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: blocking call 'read' inside coroutine 'read_after_poll'
}

// A class that offers a readiness wait on its listening socket and spells
// non-blocking mode where it makes it: accept after the caller's poll.
namespace net {
enum class blocking_t { yes, no };
int make_accept_socket(blocking_t mode, int port);
} // namespace net

class Server {
public:
  Server(coro::scheduler &s, int port)
      : s_(s), fd_(net::make_accept_socket(net::blocking_t::no, port)) {}
  coro::task<coro::poll_status> poll() {
    return s_.poll(fd_, coro::poll_op::read);
  }
  coro::task<int> accept() { co_return ::accept(fd_, nullptr, nullptr); }

private:
  coro::scheduler &s_;
  int fd_;
};

// The same class without the non-blocking mode: one signal.
class BlockingServer {
public:
  BlockingServer(coro::scheduler &s, int port)
      : s_(s), fd_(net::make_accept_socket(net::blocking_t::yes, port)) {}
  coro::task<coro::poll_status> poll() {
    return s_.poll(fd_, coro::poll_op::read);
  }
  coro::task<int> accept() { co_return ::accept(fd_, nullptr, nullptr); }
  // CHECK-MESSAGES: :[[@LINE-1]]:40: warning: blocking call 'accept' inside coroutine 'BlockingServer::accept'

private:
  coro::scheduler &s_;
  int fd_;
};

// Asio: socket.non_blocking(true) makes read_some return would_block.
awaitable<std::size_t> try_read(tcp::socket &socket, char *data) {
  socket.non_blocking(true);
  co_await socket.async_wait(tcp::socket::wait_read, use_awaitable);
  co_return socket.read_some(asio::buffer(data, 64));
}

awaitable<std::size_t> read_blocking(tcp::socket &socket, char *data) {
  socket.non_blocking(false);
  co_return socket.read_some(asio::buffer(data, 64));
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: blocking call 'tcp::socket::read_some' inside coroutine 'read_blocking'
}

// RUN: %check_async_tidy %s async-undisposed-timeout %t

#include <chrono>
#include <future>
#include <memory>
#include <thread>
#include "boost/asio.hpp"

namespace asio = boost::asio;
using asio::ip::tcp;
using namespace std::chrono_literals;

class Client {
public:
  // The timer closes the socket after 5s; nothing cancels it when the read
  // wins, so it fires in the middle of a later read.
  void read_with_timeout() {
    timer_.expires_after(5s);
    timer_.async_wait([this](boost::system::error_code ec) {
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: timer 'timer_' is armed as a timeout for 'socket_' but is not cancelled when the operation completes first; it fires later and cancels 'socket_' in the middle of whatever it does next; cancel 'timer_' when the operation completes [async-undisposed-timeout]
      if (!ec)
        socket_.close();
    });
    socket_.async_read_some(asio::buffer(buf_),
    // CHECK-MESSAGES: :[[@LINE-1]]:13: note: the guarded operation; its completion does not cancel 'timer_'
                            [this](boost::system::error_code, std::size_t n) {
                              on_read(n);
                            });
  }

  // Cancelled in the completion handler, directly or in a member it calls.
  void read_cancelled() {
    timer_.async_wait([this](boost::system::error_code ec) {
      if (!ec)
        socket_.close();
    });
    socket_.async_read_some(asio::buffer(buf_),
                            [this](boost::system::error_code, std::size_t n) {
                              timer_.cancel();
                              on_read(n);
                            });
  }
  void read_cancelled_in_helper() {
    timer_.async_wait([this](boost::system::error_code ec) {
      if (!ec)
        socket_.cancel();
    });
    socket_.async_read_some(asio::buffer(buf_),
                            [this](boost::system::error_code, std::size_t n) {
                              finish(n);
                            });
  }

  // A periodic timer re-arms itself by design.
  void heartbeat() {
    timer_.async_wait([this](boost::system::error_code) {
      socket_.cancel();
      heartbeat_timer_.async_wait([](boost::system::error_code) {});
      timer_.async_wait([](boost::system::error_code) {});
    });
  }

private:
  void on_read(std::size_t);
  void finish(std::size_t) { timer_.cancel(); }
  tcp::socket socket_;
  asio::steady_timer timer_;
  asio::steady_timer heartbeat_timer_;
  char buf_[64];
};

// A session that checks operation_aborted and cancels its timer when it
// stops owns the timer's lifetime.
class Session {
public:
  void read() {
    deadline_.async_wait([this](boost::system::error_code ec) {
      if (ec == asio::error::operation_aborted)
        return;
      socket_.close();
    });
    socket_.async_read_some(asio::buffer(buf_),
                            [](boost::system::error_code, std::size_t) {});
  }
  void stop() { deadline_.cancel(); }

private:
  tcp::socket socket_;
  asio::steady_timer deadline_;
  char buf_[8];
};

// Coroutines: a local timer that dies right after the read is cancelled by
// its destructor; one that lives across the next co_await is not.
asio::awaitable<void> coroutine_timeout(tcp::socket &s, asio::io_context &ioc) {
  asio::steady_timer t(ioc);
  t.async_wait([&s](boost::system::error_code ec) {
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: timer 't' is armed as a timeout for 's'
    if (!ec)
      s.cancel();
  });
  char b[4];
  co_await s.async_read_some(asio::buffer(b), asio::use_awaitable);
  // CHECK-MESSAGES: :[[@LINE-1]]:14: note: the guarded operation; its completion does not cancel 't'
  co_await s.async_read_some(asio::buffer(b), asio::use_awaitable);
}

asio::awaitable<void> coroutine_cancelled(tcp::socket &s, asio::io_context &ioc) {
  asio::steady_timer t(ioc);
  t.async_wait([&s](boost::system::error_code ec) {
    if (!ec)
      s.cancel();
  });
  char b[4];
  co_await s.async_read_some(asio::buffer(b), asio::use_awaitable);
  t.cancel();
  co_await s.async_read_some(asio::buffer(b), asio::use_awaitable);
}

asio::awaitable<void> coroutine_scoped(tcp::socket &s, asio::io_context &ioc) {
  asio::steady_timer t(ioc);
  t.async_wait([&s](boost::system::error_code ec) {
    if (!ec)
      s.cancel();
  });
  char b[4];
  co_await s.async_read_some(asio::buffer(b), asio::use_awaitable);
}

// Heap timers: one that holds its own only owner cannot be cancelled.
void fire_and_forget(asio::io_context &ioc) {
  auto t = std::make_shared<asio::steady_timer>(ioc);
  t->async_wait([t](boost::system::error_code) {});
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: timer 't' keeps itself alive through the handler of its own async_wait; once this function returns nothing can cancel it; keep the timer where the operation's owner can cancel it
}
struct Owner {
  std::shared_ptr<asio::steady_timer> pending;
};
void kept(asio::io_context &ioc, Owner &owner) {
  auto t = std::make_shared<asio::steady_timer>(ioc);
  owner.pending = t;
  t->async_wait([t](boost::system::error_code) {});
}

// A thread per timeout.
void thread_timeout(tcp::socket &s) {
  std::thread([&s] {
    std::this_thread::sleep_for(1s);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: a thread that sleeps and then acts is a timeout that costs a thread per call and cannot be cancelled; arm a timer (steady_timer::async_wait) instead
    s.close();
  }).detach();
  auto f = std::async(std::launch::async, [&s] {
    std::this_thread::sleep_for(2s);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: a thread that sleeps and then acts
    s.cancel();
  });
}

// A worker thread that does real work after a pause is not a timeout.
void worker() {
  std::thread([] {
    std::this_thread::sleep_for(1s);
    for (int i = 0; i < 10; ++i) {
    }
    int done = 0;
    (void)done;
  }).join();
}

// RUN: %check_async_tidy %s async-undisposed-timeout %t

#include <atomic>
#include <chrono>
#include <future>
#include <thread>
#include <vector>
#include "boost/asio.hpp"

using namespace std::chrono_literals;
using boost::asio::ip::tcp;

// A pause before computing the result is delayed work whose value the caller
// collects, not a timeout: nothing outside the body is acted on.
std::vector<std::future<int>> staggered() {
  std::vector<std::future<int>> results;
  for (int i = 0; i < 3; ++i)
    results.push_back(std::async(std::launch::async, [](int n) {
      std::this_thread::sleep_for(std::chrono::seconds(n));
      return n * 2;
    }, i));
  return results;
}

int delayed_copy(int seed) {
  auto f = std::async(std::launch::async, [seed] {
    std::this_thread::sleep_for(10ms);
    int doubled = seed * 2;
    return doubled;
  });
  return f.get();
}

// Acting on a capture after the pause is a timeout, whatever the capture.
void flag_timeout(std::atomic<bool> &expired) {
  std::thread([&expired] {
    std::this_thread::sleep_for(1s);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: a thread that sleeps and then acts is a timeout
    expired = true;
  }).detach();
}

class Connection {
public:
  void arm() {
    std::thread([this] {
      std::this_thread::sleep_for(5s);
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: a thread that sleeps and then acts is a timeout
      socket_.close();
    }).detach();
  }

  void armAll() {
    std::thread([this] {
      std::this_thread::sleep_for(5s);
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: a thread that sleeps and then acts is a timeout
      cancelAll();
    }).detach();
  }

private:
  void cancelAll();
  tcp::socket socket_;
};

// A call after the pause that cancels, fails or stops nothing is the
// thread's own delayed work.
void notify_watchdog();
void watchdog() {
  std::thread([] {
    std::this_thread::sleep_for(1s);
    notify_watchdog();
  }).detach();
}

// Raising a flag another operation checks is a timeout; assigning a result
// the caller collects is not.
void publish_later(int &result) {
  std::thread([&result] {
    std::this_thread::sleep_for(1s);
    result = 42;
  }).detach();
}

void expire_later(bool &expired) {
  std::thread([&expired] {
    std::this_thread::sleep_for(1s);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: a thread that sleeps and then acts is a timeout
    expired = true;
  }).detach();
}

void close_later(int fd);
void handle_timeout(int fd) {
  std::thread([fd] {
    std::this_thread::sleep_for(1s);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: a thread that sleeps and then acts is a timeout
    close_later(fd);
  }).detach();
}

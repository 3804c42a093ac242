// RUN: %check_async_tidy %s async-blocking-call %t

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <fstream>
#include <mutex>
#include <semaphore>
#include <sstream>
#include <string>
#include <thread>
#include <unistd.h>
#include "boost/asio.hpp"
#include "cppcoro/task.hpp"

namespace asio = boost::asio;
using namespace std::chrono_literals;

cppcoro::task<int> next();

cppcoro::task<void> handler(std::mutex &m, std::condition_variable &cv,
                            std::counting_semaphore<4> &slots, std::thread &t) {
  std::this_thread::sleep_for(10ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call 'std::this_thread::sleep_for' inside coroutine 'handler'; wait on an asynchronous timer instead (co_await timer.async_wait(...)) [async-blocking-call]
  usleep(100);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call 'usleep' inside coroutine 'handler'
  {
    std::unique_lock<std::mutex> lk(m);
    cv.wait(lk);
    // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: blocking call 'std::condition_variable::wait' inside coroutine 'handler'; signal the waiter asynchronously
  }
  m.lock();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: blocking call 'std::mutex::lock' inside coroutine 'handler'; serialize with a strand or an asynchronous mutex
  m.unlock();
  slots.acquire();
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: blocking call 'std::counting_semaphore<4>::acquire' inside coroutine 'handler'
  t.join();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: blocking call 'std::thread::join' inside coroutine 'handler'; let the thread signal completion
  // Non-blocking look-alikes.
  if (m.try_lock())
    m.unlock();
  (void)slots.try_acquire();
  co_await next();
}

// File I/O: real files block, in-memory streams do not.
cppcoro::task<std::string> read_config(const char *path, std::FILE *f) {
  std::ifstream file(path);
  std::string line;
  std::getline(file, line);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call 'std::getline' inside coroutine 'read_config'; do file I/O on a dedicated thread
  char buf[64];
  std::fread(buf, 1, sizeof buf, f);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call 'fread' inside coroutine 'read_config'
  std::istringstream in("a b");
  std::getline(in, line);
  co_return line;
}

// A user function that shares a C function's name is not the C function.
namespace app {
void send(int message);
struct Channel {
  void read(char *);
};
} // namespace app

cppcoro::task<void> no_c_lookalikes(app::Channel &c, char *out) {
  app::send(1);
  c.read(out);
  co_return;
}

// Handlers posted to an executor count; a dedicated thread does not.
void schedule(asio::io_context &ioc) {
  asio::post(ioc, [] { std::this_thread::sleep_for(1s); });
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: blocking call 'std::this_thread::sleep_for' inside a lambda run by 'boost::asio::post'
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: the lambda is run by 'boost::asio::post' here
  std::thread([] { std::this_thread::sleep_for(1s); }).detach();
}

// A helper reached from a coroutine is followed.
void backoff() { sleep(1); }
// CHECK-MESSAGES: :[[@LINE-1]]:18: warning: blocking call 'sleep' inside 'backoff', called from coroutine 'retry'
// CHECK-MESSAGES: :[[@LINE+1]]:48: note: 'backoff' is called here from coroutine 'retry'
cppcoro::task<void> retry() { co_await next(); backoff(); }

int main() {
  std::this_thread::sleep_for(1ms);
  sleep(0);
  backoff();
}

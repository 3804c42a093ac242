// RUN: %check_async_tidy %s async-detached-dangling-reference %t

#include <memory>
#include <string>
#include <thread>
#include <vector>
#include "boost/asio.hpp"

namespace asio = boost::asio;

void use(const std::string &);
std::string global_name;

void post_by_reference(asio::io_context &ioc) {
  std::string name = "x";
  asio::post(ioc, [&name] { use(name); });
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: 'name' is destroyed when its scope ends, but it is captured by reference in work detached by 'boost::asio::post'; copy or move it into the work, or share its ownership [async-detached-dangling-reference]
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: the work is detached here
  // CHECK-MESSAGES: :[[@LINE-4]]:15: note: 'name' is declared here
  // CHECK-MESSAGES: :[[@LINE+1]]:1: note: 'name' is destroyed here
}

void post_default_reference(asio::io_context &ioc, int id) {
  std::vector<int> items;
  asio::dispatch(ioc, [&] { items.push_back(id); });
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: 'items' is destroyed when its scope ends, but it is captured by reference in work detached by 'boost::asio::dispatch'
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: the work is detached here
  // CHECK-MESSAGES: :[[@LINE-4]]:20: note: 'items' is declared here
  // CHECK-MESSAGES: :[[@LINE+5]]:1: note: 'items' is destroyed here
  // CHECK-MESSAGES: :[[@LINE-5]]:45: warning: 'id' is destroyed when its scope ends, but it is captured by reference in work detached by 'boost::asio::dispatch'
  // CHECK-MESSAGES: :[[@LINE-6]]:3: note: the work is detached here
  // CHECK-MESSAGES: :[[@LINE-9]]:56: note: 'id' is declared here
  // CHECK-MESSAGES: :[[@LINE+1]]:1: note: 'id' is destroyed here
}

// Safe twins: by value, by move, globals, and work joined before the scope
// ends (the event loop runs here; the pool is joined).
void safe(asio::io_context &ioc, asio::thread_pool &pool) {
  std::string name = "x";
  asio::post(ioc, [name] { use(name); });
  asio::post(ioc, [moved = std::move(name)] { use(moved); });
  asio::post(ioc, [] { use(global_name); });
  static std::string cached;
  asio::post(ioc, [&] { use(cached); });
  std::string local = "y";
  asio::post(pool, [&local] { use(local); });
  pool.join();
}

int main() {
  asio::io_context ioc;
  std::string config = "z";
  asio::post(ioc, [&config] { use(config); });
  ioc.run();
}

// Detached threads.
void threads() {
  std::string path = "/tmp";
  std::thread([&path] { use(path); }).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'path' is destroyed when its scope ends, but it is captured by reference in work detached by 'std::thread::detach'
  // CHECK-MESSAGES: :[[@LINE-2]]:39: note: the work is detached here
  // CHECK-MESSAGES: :[[@LINE-4]]:15: note: 'path' is declared here
  // CHECK-MESSAGES: :[[@LINE+9]]:1: note: 'path' is destroyed here
  std::thread worker(use, std::ref(path));
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: 'path' is destroyed when its scope ends, but a reference to it is passed to work detached by 'std::thread::detach'
  // CHECK-MESSAGES: :[[@LINE+4]]:10: note: the work is detached here
  // CHECK-MESSAGES: :[[@LINE-9]]:15: note: 'path' is declared here
  // CHECK-MESSAGES: :[[@LINE+4]]:1: note: 'path' is destroyed here
  std::thread joined([&path] { use(path); });
  worker.detach();
  joined.join();
}

// 'this' in a shared_ptr-owned object: needs a shared_from_this() capture.
class Session : public std::enable_shared_from_this<Session> {
public:
  void start(asio::io_context &ioc) {
    asio::post(ioc, [this] { run(); });
    // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: 'this' is captured in work detached by 'boost::asio::post', but 'Session' is owned by a shared_ptr; capture 'self = shared_from_this()' so the object lives until the work has run
    // CHECK-MESSAGES: :[[@LINE-2]]:5: note: the work is detached here
    asio::post(ioc, [this, self = shared_from_this()] { run(); });
  }
  void run();
};

// A plain object that outlives its executor may hand out 'this'.
class Server {
public:
  void start(asio::io_context &ioc) { asio::post(ioc, [this] { run(); }); }
  void run();
};

// A completion handler of an operation on a local I/O object declared after
// the captured variable: the object dies first and cancels the operation.
void local_timer(asio::io_context &ioc) {
  std::string note = "n";
  asio::steady_timer timer(ioc);
  timer.async_wait([&note](boost::system::error_code ec) {
    if (!ec)
      use(note);
  });
}

// Declared the other way round, the variable dies while the wait is pending.
void local_timer_reversed(asio::io_context &ioc) {
  asio::steady_timer timer(ioc);
  std::string note = "n";
  timer.async_wait([&note](boost::system::error_code ec) {
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: 'note' is destroyed when its scope ends, but it is captured by reference in work detached by 'boost::asio::basic_waitable_timer::async_wait'
  // CHECK-MESSAGES: :[[@LINE-2]]:9: note: the work is detached here
  // CHECK-MESSAGES: :[[@LINE-4]]:15: note: 'note' is declared here
  // CHECK-MESSAGES: :[[@LINE+4]]:1: note: 'note' is destroyed here
    if (!ec)
      use(note);
  });
}

// A local pointer to the I/O object: its end destroys nothing and cancels
// nothing.
void timer_through_pointer(asio::io_context &ioc) {
  std::string note = "n";
  auto *timer = new asio::steady_timer(ioc);
  timer->async_wait([&note](boost::system::error_code ec) {
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: 'note' is destroyed when its scope ends, but it is captured by reference in work detached by 'boost::asio::basic_waitable_timer::async_wait'
    if (!ec)
      use(note);
  });
}

// Thread pools: a task_group that is not waited on in the scope.
#include "tbb/task_group.h"
void task_groups() {
  std::vector<int> results;
  tbb::task_group waited;
  waited.run([&results] { results.push_back(1); });
  waited.wait();
  tbb::task_group *pool = new tbb::task_group;
  pool->run([&results] { results.push_back(2); });
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'results' is destroyed when its scope ends, but it is captured by reference in work detached by 'tbb::task_group::run'
  // CHECK-MESSAGES: :[[@LINE-2]]:9: note: the work is detached here
  // CHECK-MESSAGES: :[[@LINE-8]]:20: note: 'results' is declared here
  // CHECK-MESSAGES: :[[@LINE+1]]:1: note: 'results' is destroyed here
}

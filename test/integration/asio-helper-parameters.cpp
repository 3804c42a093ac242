// Boost.Asio from Debian: helpers whose posted or detached work refers to
// the caller's argument through a reference parameter; the caller's local
// dies first. Look-alikes: a helper that copies, a caller that runs the
// context it passed, an argument that outlives the work.
// REQUIRES: boost-asio
// RUN: %check_async_tidy --no-mocks %s async-detached-dangling-reference %t -- -- -std=c++20

#include <utility>
#include <boost/asio.hpp>
#include <string>
#include <functional>
#include <thread>

namespace asio = boost::asio;

void write_log(const std::string &);

void log_on(asio::thread_pool &pool, const std::string &line) {
  asio::post(pool, [&line] { write_log(line); });
}

void log_copy_on(asio::thread_pool &pool, const std::string &line) {
  asio::post(pool, [line] { write_log(line); });
}

void notify_on(asio::io_context &context, std::string &text) {
  asio::post(context, [&text] { write_log(text); });
}

void audit(const std::string &line) {
  std::thread([&line] { write_log(line); }).detach();
}

void handle_request(asio::thread_pool &pool) {
  std::string line = "GET /";
  log_on(pool, line);
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'line' is destroyed when its scope ends, but it is passed to 'log_on' as 'line', and there it is captured by reference in work detached by 'boost::asio::post'
  // CHECK-MESSAGES: :[[@LINE-19]]:3: note: the work is detached here
  // CHECK-MESSAGES: :[[@LINE-4]]:15: note: 'line' is declared here
  // CHECK-MESSAGES: :[[@LINE+7]]:1: note: 'line' is destroyed here
  audit(line);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'line' is destroyed when its scope ends, but it is passed to 'audit' as 'line', and there it is captured by reference in work detached by 'std::thread::detach'
  // CHECK-MESSAGES: :[[@LINE-12]]:45: note: the work is detached here
  // CHECK-MESSAGES: :[[@LINE-9]]:15: note: 'line' is declared here
  // CHECK-MESSAGES: :[[@LINE+2]]:1: note: 'line' is destroyed here
  log_copy_on(pool, line);
}

// The caller runs the context before 'text' dies.
int main() {
  asio::io_context context;
  std::string text = "ready";
  notify_on(context, text);
  context.run();
  static std::string kept = "kept";
  asio::thread_pool pool(2);
  log_on(pool, kept);
  pool.join();
}

// Helpers that detach the callable they are given: what the caller's
// lambda captures by reference must outlive the work.
void on_pool(asio::thread_pool &pool, std::function<void()> work) {
  asio::post(pool, std::move(work));
}

template <class Work> void on_thread(Work work) {
  std::thread(std::move(work)).detach();
}

void on_strand(asio::strand<asio::io_context::executor_type> &strand,
               std::function<void()> work) {
  asio::post(strand, [work = std::move(work)] { work(); });
}

void callable_callers(asio::thread_pool &pool,
                      asio::strand<asio::io_context::executor_type> &strand) {
  std::string line = "GET /";
  on_pool(pool, [&line] { write_log(line); });
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'line' is destroyed when its scope ends, but it is captured by reference in work detached by 'on_pool'
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: the work is detached here
  // CHECK-MESSAGES: :[[@LINE-18]]:3: note: 'on_pool' detaches it here with 'boost::asio::post'
  // CHECK-MESSAGES: :[[@LINE-5]]:15: note: 'line' is declared here
  // CHECK-MESSAGES: :[[@LINE+8]]:1: note: 'line' is destroyed here
  on_thread([&line] { write_log(line); });
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'line' is destroyed when its scope ends, but it is captured by reference in work detached by 'on_thread'
  on_strand(strand, [&line] { write_log(line); });
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: 'line' is destroyed when its scope ends, but it is captured by reference in work detached by 'on_strand'
  // Look-alikes: the lambdas copy.
  on_pool(pool, [line] { write_log(line); });
  on_thread([line] { write_log(line); });
}

// A helper that runs the context it posted to before it returns, and a
// caller that joins the pool before its local dies.
void on_context_now(asio::io_context &context, std::function<void()> work) {
  asio::post(context, std::move(work));
  context.run();
}

void joined_callers() {
  std::string line = "GET /";
  asio::io_context context;
  on_context_now(context, [&line] { write_log(line); });
  asio::thread_pool pool(1);
  on_pool(pool, [&line] { write_log(line); });
  pool.join();
}

// RUN: %check_async_tidy %s async-detached-dangling-reference %t

#include <functional>
#include <future>
#include <string>
#include <thread>
#include "boost/asio.hpp"

namespace asio = boost::asio;

void use(const std::string &);

// Helpers whose detached work refers to the caller's argument.
void log_later(const std::string &line) {
  std::thread([&line] { use(line); }).detach();
}

void post_later(asio::io_context &ioc, std::string &text) {
  asio::post(ioc, [&text] { use(text); });
}

// Passes its own parameter on: a helper of the same kind.
void log_twice(const std::string &line) { log_later(line); }

void callers(asio::io_context &ioc) {
  std::string line = "x";
  log_later(line);
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'line' is destroyed when its scope ends, but it is passed to 'log_later' as 'line', and there it is captured by reference in work detached by 'std::thread::detach'; copy or move it into the work, or share its ownership [async-detached-dangling-reference]
  // CHECK-MESSAGES: :[[@LINE-14]]:39: note: the work is detached here
  // CHECK-MESSAGES: :[[@LINE-4]]:15: note: 'line' is declared here
  // CHECK-MESSAGES: :[[@LINE+11]]:1: note: 'line' is destroyed here
  std::string text;
  post_later(ioc, text);
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'text' is destroyed when its scope ends, but it is passed to 'post_later' as 'text', and there it is captured by reference in work detached by 'boost::asio::post'
  log_later(std::string("y"));
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: a temporary is passed to 'log_later' as 'line', and there it is captured by reference in work detached by 'std::thread::detach'; the temporary is destroyed at the end of the statement
  log_twice(line);
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'line' is destroyed when its scope ends, but it is passed to 'log_twice' as 'line', and there it is passed to 'log_later' as 'line', and there it is captured by reference in work detached by 'std::thread::detach'
  // The literal lives forever, the std::string made from it does not.
  log_later("literal");
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: a temporary is passed to 'log_later' as 'line'
}

// Look-alikes that leave the caller's object alone.

// Copies the argument into the work.
void log_copy(const std::string &line) {
  std::thread([line] { use(line); }).detach();
}

// Waits for the work before returning.
void log_joined(const std::string &line) {
  std::thread worker([&line] { use(line); });
  worker.join();
}

// Refers to a global, not to the parameter.
std::string journal;
void log_global(const std::string &) {
  std::thread([] { use(journal); }).detach();
}

// The caller's argument outlives the work: a static, a global, a
// reference the caller was given (someone else's object).
void safe_callers(std::string &given) {
  static std::string kept = "k";
  log_later(kept);
  log_later(journal);
  log_later(given);
  std::string local;
  log_copy(local);
  log_joined(local);
  log_global(local);
}

// The caller runs the context it passed: the posted work is done before
// 'text' dies.
void runs_the_context() {
  asio::io_context ioc;
  std::string text;
  post_later(ioc, text);
  ioc.run();
}

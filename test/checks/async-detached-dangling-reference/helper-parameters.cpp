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

// Helpers that detach the callable they are given: what the caller's lambda
// captures by reference must outlive the work.
void run_later(std::function<void()> work) {
  std::thread(std::move(work)).detach();
}

void post_work(asio::io_context &ioc, std::function<void()> work) {
  asio::post(ioc, std::move(work));
}

void run_captured(std::function<void()> work) {
  std::thread([work] { work(); }).detach();
}

// Passes its callable on: a helper of the same kind.
void run_via(std::function<void()> work) { run_later(std::move(work)); }

void callable_callers(asio::io_context &ioc) {
  std::string line = "x";
  run_later([&line] { use(line); });
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'line' is destroyed when its scope ends, but it is captured by reference in work detached by 'run_later'; copy or move it into the work, or share its ownership [async-detached-dangling-reference]
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: the work is detached here
  // CHECK-MESSAGES: :[[@LINE-19]]:32: note: 'run_later' detaches it here with 'std::thread::detach'
  // CHECK-MESSAGES: :[[@LINE-5]]:15: note: 'line' is declared here
  // CHECK-MESSAGES: :[[@LINE+13]]:1: note: 'line' is destroyed here
  post_work(ioc, [&line] { use(line); });
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: 'line' is destroyed when its scope ends, but it is captured by reference in work detached by 'post_work'
  // CHECK-MESSAGES: :[[@LINE-20]]:3: note: 'post_work' detaches it here with 'boost::asio::post'
  run_captured([&line] { use(line); });
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: 'line' is destroyed when its scope ends, but it is captured by reference in work detached by 'run_captured'
  // CHECK-MESSAGES: :[[@LINE-19]]:35: note: 'run_captured' detaches it here with 'std::thread::detach'
  run_via([&line] { use(line); });
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'line' is destroyed when its scope ends, but it is captured by reference in work detached by 'run_via'
  // CHECK-MESSAGES: :[[@LINE-30]]:32: note: 'run_later' detaches it here with 'std::thread::detach'
  auto task = [&line] { use(line); };
  run_later(task);
  // CHECK-MESSAGES: :[[@LINE-2]]:17: warning: 'line' is destroyed when its scope ends, but it is captured by reference in work detached by 'run_later'
}

// Look-alikes: a helper that runs the callable before it returns, one that
// joins its thread; a lambda that copies; a caller that runs the context.
void run_now(std::function<void()> work) { work(); }

void run_joined(std::function<void()> work) {
  std::thread worker(std::move(work));
  worker.join();
}

// Hand back a future of the work, which the caller waits for.
std::future<void> log_async(const std::string &line) {
  return std::async(std::launch::async, [&line] { use(line); });
}

std::future<void> run_async(std::function<void()> work) {
  return std::async(std::launch::async, std::move(work));
}

void safe_callable_callers() {
  std::string line;
  log_async(line).get();
  run_async([&line] { use(line); }).wait();
  std::future<void> pending = run_async([&line] { use(line); });
  pending.get();
  run_now([&line] { use(line); });
  run_joined([&line] { use(line); });
  run_later([line] { use(line); });
  asio::io_context ioc;
  post_work(ioc, [&line] { use(line); });
  ioc.run();
}

// RUN: %check_async_tidy %s async-missing-cancellation %t
// A function that holds a std::stop_token and calls a callee that accepts
// one (a defaulted parameter, or an overload with one more parameter)
// without passing it: the callee cannot be stopped with its caller.

#include <condition_variable>
#include <mutex>
#include <stop_token>
#include <string>
#include <thread>

namespace app {
std::string fetch(const std::string &url, std::stop_token st = {});
void index(const std::string &doc);
void index(const std::string &doc, std::stop_token st);
void compress(std::stop_token st, int level);
void compress(int level);
void unrelated(int level);

struct Crawler {
  void crawl(const std::string &url);
  void crawl(const std::string &url, std::stop_token st);
  void step(std::stop_token st);
};
} // namespace app

void crawl_all(std::stop_token st) {
  std::string page = app::fetch("https://example.org");
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: call to 'fetch' does not pass the cancellation token 'st' the function holds; pass it as its 'st' argument [async-missing-cancellation]
  // CHECK-MESSAGES: :[[@LINE-17]]:59: note: 'fetch' takes a cancellation token here, defaulted
  // CHECK-MESSAGES: :[[@LINE-4]]:32: note: the function holds the token 'st' here
  // CHECK-FIXES: {{^}}  std::string page = app::fetch("https://example.org", st);
  app::index(page);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: call to 'index' does not pass the cancellation token 'st' the function holds; pass it to the overload that accepts a 'std::stop_token' [async-missing-cancellation]
  // CHECK-MESSAGES: :[[@LINE-20]]:52: note: this overload of 'index' accepts a cancellation token
  // CHECK-MESSAGES: :[[@LINE-9]]:32: note: the function holds the token 'st' here
  // CHECK-FIXES: {{^}}  app::index(page, st);
  app::compress(9);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: call to 'compress' does not pass the cancellation token 'st' the function holds; pass it to the overload that accepts a 'std::stop_token' [async-missing-cancellation]
  // CHECK-MESSAGES: :[[@LINE-24]]:31: note: this overload of 'compress' accepts a cancellation token
  // CHECK-MESSAGES: :[[@LINE-14]]:32: note: the function holds the token 'st' here
}

// Passed on: by name, by copy, as a const reference.
void forwards(std::stop_token st) {
  std::string page = app::fetch("https://example.org", st);
  app::index(page, st);
  std::stop_token copy = st;
  app::compress(copy, 9);
}

// A different token passed deliberately, or an explicit empty one: the
// caller decided.
void decides(std::stop_token st, std::stop_source &own) {
  app::fetch("https://example.org", own.get_token());
  app::index("doc", std::stop_token{});
  app::compress(std::stop_token(), 1);
}

// No token held: nothing to pass on.
void holds_nothing() {
  app::fetch("https://example.org");
  app::index("doc");
}

// A callee with no overload that takes a token.
void no_overload(std::stop_token st) { app::unrelated(3); }

// A member function and a local token.
void members(app::Crawler &c, std::stop_source &src) {
  std::stop_token local = src.get_token();
  c.crawl("https://example.org");
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: call to 'crawl' does not pass the cancellation token 'local' the function holds; pass it to the overload that accepts a 'std::stop_token' [async-missing-cancellation]
  // CHECK-MESSAGES: :[[@LINE-52]]:54: note: this overload of 'crawl' accepts a cancellation token
  // CHECK-MESSAGES: :[[@LINE-4]]:19: note: the function holds the token 'local' here
  // CHECK-FIXES: {{^}}  c.crawl("https://example.org", local);
}

// A token local to an inner block is not held after it.
void scoped(app::Crawler &c, std::stop_source &src) {
  {
    std::stop_token inner = src.get_token();
    c.step(inner);
  }
  c.crawl("https://example.org");
}

// std::jthread's function receives the thread's stop token.
void workers(std::condition_variable_any &cv, std::mutex &m, bool &ready) {
  std::jthread worker([&](std::stop_token st) {
    std::unique_lock lock(m);
    cv.wait(lock, [&] { return ready; });
    // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: call to 'wait' does not pass the cancellation token 'st' the function holds; pass it to the overload that accepts a 'std::stop_token' [async-missing-cancellation]
    // CHECK-MESSAGES: condition_variable:{{[0-9]+}}:{{[0-9]+}}: note: this overload of 'wait' accepts a cancellation token
    // CHECK-MESSAGES: :[[@LINE-5]]:43: note: the function holds the token 'st' here
    cv.wait(lock, st, [&] { return ready; });
  });
  std::jthread other([&] {
    std::unique_lock lock(m);
    cv.wait(lock, [&] { return ready; }); // no token in this thread
  });
}

// A lambda holds the tokens it captures.
void captured(std::stop_token st) {
  auto job = [st] {
    app::index("doc");
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: call to 'index' does not pass the cancellation token 'st' the function holds; pass it to the overload that accepts a 'std::stop_token' [async-missing-cancellation]
    // CHECK-MESSAGES: :[[@LINE-94]]:52: note: this overload of 'index' accepts a cancellation token
    // CHECK-MESSAGES: :[[@LINE-5]]:31: note: the function holds the token 'st' here
    // CHECK-FIXES: {{^}}    app::index("doc", st);
  };
  job();
}

// RUN: %check_async_tidy %s async-blocking-call %t -- \
// RUN:   --config="{CheckOptions: {async-blocking-call.BlockingFunctions: 'db::Connection::exec;compress', \
// RUN:     async-blocking-call.AllowedFunctions: 'std::this_thread::sleep_for;store::Client::flush'}}"

#include <chrono>
#include <thread>
#include "cppcoro/task.hpp"

namespace db {
struct Connection {
  int exec(const char *sql);
};
} // namespace db
void compress(char *data);

namespace store {
struct Client {
  void flush();
  cppcoro::task<void> async_flush();
};
} // namespace store

cppcoro::task<void> handler(db::Connection &c, store::Client &s, char *data) {
  c.exec("select 1");
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: blocking call 'db::Connection::exec' inside coroutine 'handler'; use an asynchronous alternative [async-blocking-call]
  compress(data);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call 'compress' inside coroutine 'handler'; use an asynchronous alternative
  // AllowedFunctions silences table entries and siblings alike.
  std::this_thread::sleep_for(std::chrono::milliseconds(1));
  s.flush();
  co_return;
}

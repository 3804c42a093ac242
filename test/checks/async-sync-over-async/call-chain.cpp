// RUN: %check_async_tidy %s async-sync-over-async %t

#include <future>
#include "cppcoro/task.hpp"

std::future<int> start();

int load_config() {
  return start().get();
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: blocking wait 'std::future<int>::get' inside 'load_config', called from coroutine 'serve'; await the result asynchronously or attach a continuation [async-sync-over-async]
  // CHECK-MESSAGES: :[[@LINE+11]]:13: note: 'Parser::parse' is called here from coroutine 'serve'
  // CHECK-MESSAGES: :[[@LINE+5]]:12: note: 'load_config' is called here from 'Parser::parse'
}

struct Parser {
  int parse() {
    return load_config();
  }
};

cppcoro::task<int> serve(Parser &p) {
  int v = p.parse();
  co_return v;
}

// Three calls deep is the default limit; the fourth level is not followed.
int level4(std::future<int> &f) { return f.get(); }
int level3(std::future<int> &f) { return level4(f); }
int level2(std::future<int> &f) { return level3(f); }
int level1(std::future<int> &f) { return level2(f); }
cppcoro::task<int> deep(std::future<int> &f) { co_return level1(f); }

// Reached only from synchronous code: no finding.
int only_sync(std::future<int> &f) { return f.get(); }
int caller(std::future<int> &f) { return only_sync(f); }

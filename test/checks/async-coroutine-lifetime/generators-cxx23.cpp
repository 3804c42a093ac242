// RUN: %check_async_tidy %s async-coroutine-lifetime %t -- -- -std=c++23

// C++23 extends the temporaries of a range-for's range-init to the end of
// the loop (P2718): a generator iterated there may refer to them. A
// generator kept in a variable still outlives its temporary argument.

#include <string>
#include "cppcoro/generator.hpp"

cppcoro::generator<char> chars(const std::string &s) {
  for (char c : s)
    co_yield c;
}
std::string name();

int count() {
  int n = 0;
  for (char c : chars(name()))
    n += c;
  auto g = chars(std::string("abc"));
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: a temporary is bound to parameter 's' of coroutine 'chars' and destroyed at the end of the full-expression, but the coroutine is kept in 'g'
  for (char c : g)
    n += c;
  return n;
}

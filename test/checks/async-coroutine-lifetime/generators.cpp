// RUN: %check_async_tidy %s async-coroutine-lifetime %t -- -- -std=c++20

// A generator keeps its reference and view parameters in its frame and
// reads them on each resumption: an argument that dies first dangles, in a
// variable that keeps the generator and (before C++23) in a range-for's
// range-init. generators-cxx23.cpp has the C++23 range-for.

#include <string>
#include <string_view>
#include "cppcoro/generator.hpp"

cppcoro::generator<char> chars(const std::string &s) {
  for (char c : s)
    co_yield c;
}
cppcoro::generator<char> view_chars(std::string_view s) {
  for (char c : s)
    co_yield c;
}
cppcoro::generator<char> owned_chars(std::string s) {
  for (char c : s)
    co_yield c;
}
std::string name();

int count() {
  int n = 0;
  auto g = chars(std::string("abc"));
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: a temporary is bound to parameter 's' of coroutine 'chars' and destroyed at the end of the full-expression, but the coroutine is kept in 'g' and still refers to it; make the parameter a value, or await the coroutine in the same full-expression [async-coroutine-lifetime]
  for (char c : g)
    n += c;
  for (char c : chars(name()))
    // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: a temporary is bound to parameter 's' of coroutine 'chars' and destroyed at the end of the full-expression, but the coroutine is iterated by the range-for loop and still refers to it
    n += c;
  for (char c : view_chars(name()))
    // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: a temporary is bound to parameter 's' of coroutine 'view_chars'
    n += c;

  // Negatives: a named argument that outlives the loop, a by-value
  // parameter, a generator consumed in the same full-expression.
  std::string kept = name();
  for (char c : chars(kept))
    n += c;
  for (char c : owned_chars(name()))
    n += c;
  n += *chars(std::string("x")).begin();
  return n;
}

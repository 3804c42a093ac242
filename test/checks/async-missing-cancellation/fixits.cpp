// RUN: %check_async_tidy --fixes-clean %s async-missing-cancellation %t
// The fix appends the held token when that is all the difference: a
// defaulted trailing parameter of exactly its type, or an overload whose
// parameters are the callee's plus a trailing token (no-fixit.cpp has the
// rest).

#include <stop_token>

void fetch(const char *url, std::stop_token st = {});
void store(int key);
void store(int key, std::stop_token st);
void clear();
void clear(std::stop_token st);

void job(std::stop_token st) {
  fetch("a");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: call to 'fetch' does not pass the cancellation token 'st' the function holds; pass it as its 'st' argument [async-missing-cancellation]
  // CHECK-MESSAGES: :[[@LINE-9]]:45: note: 'fetch' takes a cancellation token here, defaulted
  // CHECK-MESSAGES: :[[@LINE-4]]:26: note: the function holds the token 'st' here
  // CHECK-FIXES: {{^}}  fetch("a", st);
  store(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: call to 'store' does not pass the cancellation token 'st' the function holds; pass it to the overload that accepts a 'std::stop_token' [async-missing-cancellation]
  // CHECK-MESSAGES: :[[@LINE-12]]:37: note: this overload of 'store' accepts a cancellation token
  // CHECK-MESSAGES: :[[@LINE-9]]:26: note: the function holds the token 'st' here
  // CHECK-FIXES: {{^}}  store(1, st);
  clear();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: call to 'clear' does not pass the cancellation token 'st' the function holds; pass it to the overload that accepts a 'std::stop_token' [async-missing-cancellation]
  // CHECK-MESSAGES: :[[@LINE-15]]:28: note: this overload of 'clear' accepts a cancellation token
  // CHECK-MESSAGES: :[[@LINE-14]]:26: note: the function holds the token 'st' here
  // CHECK-FIXES: {{^}}  clear(st);
}

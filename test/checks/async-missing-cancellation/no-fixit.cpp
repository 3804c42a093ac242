// RUN: %check_async_tidy %s async-missing-cancellation %t
// No fix where appending the token is not all the difference: a token in
// the middle of the overload's parameters, a call written by a macro, a
// template overload, a token that needs a conversion.

#include <stop_token>

#define FETCH(url) fetch(url)

void fetch(const char *url, std::stop_token st = {});
void split(std::stop_token st, int parts);
void split(int parts);
template <class F> void each(F f) {}
template <class F> void each(F f, std::stop_token st) {}
void tail(int a, int b = 0, std::stop_token st = {});

void job(std::stop_token st) {
  split(2);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: call to 'split' does not pass the cancellation token 'st' the function holds; pass it to the overload that accepts a 'std::stop_token' [async-missing-cancellation]
  // CHECK-MESSAGES: :[[@LINE-9]]:28: note: this overload of 'split' accepts a cancellation token
  // CHECK-MESSAGES: :[[@LINE-4]]:26: note: the function holds the token 'st' here
  FETCH("b");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: call to 'fetch' does not pass the cancellation token 'st' the function holds; pass it as its 'st' argument [async-missing-cancellation]
  // CHECK-MESSAGES: :[[@LINE-14]]:45: note: 'fetch' takes a cancellation token here, defaulted
  // CHECK-MESSAGES: :[[@LINE-8]]:26: note: the function holds the token 'st' here
  each([] {});
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: call to 'each' does not pass the cancellation token 'st' the function holds; pass it to the overload that accepts a 'std::stop_token' [async-missing-cancellation]
  // CHECK-MESSAGES: :[[@LINE-14]]:51: note: this overload of 'each' accepts a cancellation token
  // CHECK-MESSAGES: :[[@LINE-12]]:26: note: the function holds the token 'st' here
  tail(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: call to 'tail' does not pass the cancellation token 'st' the function holds; pass it as its 'st' argument [async-missing-cancellation]
  // CHECK-MESSAGES: :[[@LINE-17]]:45: note: 'tail' takes a cancellation token here, defaulted
  // CHECK-MESSAGES: :[[@LINE-16]]:26: note: the function holds the token 'st' here
}

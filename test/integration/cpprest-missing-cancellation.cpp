// cpprestsdk from Debian: a function that receives a pplx cancellation token
// and starts a task without it; the task runs on after the caller cancels.
// REQUIRES: cpprest
// RUN: %check_async_tidy --no-mocks %s async-missing-cancellation %t -- -- -std=c++20

#include <pplx/pplxtasks.h>

pplx::task<int> count_rows(int table);
pplx::task<int> count_rows(int table, pplx::cancellation_token token);

pplx::task<int> report(int table, pplx::cancellation_token token) {
  auto warm = pplx::create_task([] { return 0; });
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: call to 'create_task' does not pass the cancellation token 'token' the function holds; pass it as its '_TaskOptions' argument [async-missing-cancellation]
  // CHECK-MESSAGES: pplxtasks.h:{{[0-9]+}}:{{[0-9]+}}: note: 'create_task' takes a cancellation token here, defaulted
  // CHECK-MESSAGES: :[[@LINE-4]]:60: note: the function holds the token 'token' here
  auto passed = pplx::create_task([] { return 1; }, token);
  // A continuation inherits the token of the task it continues.
  passed.then([](int n) { return n + 1; });
  return count_rows(table);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: call to 'count_rows' does not pass the cancellation token 'token' the function holds; pass it to the overload that accepts a 'pplx::cancellation_token' [async-missing-cancellation]
  // CHECK-MESSAGES: :[[@LINE-12]]:64: note: this overload of 'count_rows' accepts a cancellation token
  // CHECK-MESSAGES: :[[@LINE-11]]:60: note: the function holds the token 'token' here
  // CHECK-FIXES: {{^}}  return count_rows(table, token);
}

pplx::task<int> opted_out(int table) {
  return count_rows(table, pplx::cancellation_token::none());
}

pplx::task<int> owner(int table) {
  pplx::cancellation_token_source source; // a source, not a held token
  return count_rows(table, source.get_token());
}

// RUN: %check_async_tidy %s async-detached-dangling-reference %t

#include <memory>
#include "pplx/pplxtasks.h"

// Waiting for the last task of a 'then' chain waits for every continuation
// in it: the captures of the earlier links outlive none of them.
pplx::task<int> open_file();

int chain_waited_in_variable() {
  int total = 0;
  auto sink = std::make_unique<int>(0);
  pplx::task<void> done = open_file()
                              .then([&sink](int fd) { *sink = fd; })
                              .then([&total, &sink] { total = *sink; });
  done.wait();
  return total;
}

int chain_waited_directly() {
  int base = 1;
  return open_file()
      .then([&base](int n) { return n + base; })
      .then([&base](int n) { return n * base; })
      .get();
}

// The end of the chain is not waited for: every link may outlive 'base'.
pplx::task<int> chain_returned() {
  int base = 1;
  return open_file()
      .then([&base](int n) { return n + base; })
      // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'base' is destroyed when its scope ends, but it is captured by reference in work detached by 'pplx::task::then'
      // CHECK-MESSAGES: :[[@LINE-2]]:8: note: the work is detached here
      // CHECK-MESSAGES: :[[@LINE-5]]:7: note: 'base' is declared here
      // CHECK-MESSAGES: :[[@LINE+2]]:1: note: 'base' is destroyed here
      .then([](int n) { return n * 2; });
}

// Waiting for the antecedent says nothing about the continuation after it.
void antecedent_waited() {
  int base = 1;
  pplx::task<int> first = open_file();
  first.then([&base](int n) { base += n; });
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'base' is destroyed when its scope ends, but it is captured by reference in work detached by 'pplx::task::then'
  // CHECK-MESSAGES: :[[@LINE-2]]:9: note: the work is detached here
  // CHECK-MESSAGES: :[[@LINE-5]]:7: note: 'base' is declared here
  // CHECK-MESSAGES: :[[@LINE+2]]:1: note: 'base' is destroyed here
  first.wait();
}

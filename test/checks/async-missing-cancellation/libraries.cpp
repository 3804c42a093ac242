// RUN: %check_async_tidy %s async-missing-cancellation %t
// The token types of Asio, pplx, folly, cppcoro and async_simple.

#include "async_simple/Signal.h"
#include "boost/asio.hpp"
#include "cppcoro/cancellation_token.hpp"
#include "cppcoro/task.hpp"
#include "folly/CancellationToken.h"
#include "pplx/pplxtasks.h"

namespace asio = boost::asio;

// Asio: a coroutine's cancellation state gives the slot a callee takes.
namespace net {
asio::awaitable<void> read_frame(int fd);
asio::awaitable<void> read_frame(int fd, asio::cancellation_slot slot);
void arm(asio::cancellation_slot slot);
} // namespace net

asio::awaitable<void> session(int fd) {
  asio::cancellation_state cs = co_await asio::this_coro::cancellation_state;
  co_await net::read_frame(fd);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: call to 'read_frame' does not pass the cancellation token 'cs' the function holds; pass it to the overload that accepts a 'boost::asio::cancellation_slot' [async-missing-cancellation]
  // CHECK-MESSAGES: :[[@LINE-8]]:66: note: this overload of 'read_frame' accepts a cancellation token
  // CHECK-MESSAGES: :[[@LINE-4]]:28: note: the function holds the token 'cs' here
  co_await net::read_frame(fd, cs.slot());
}

// pplx: create_task's task_options converts from a cancellation_token.
pplx::task<int> load(int id);
pplx::task<int> load(int id, pplx::cancellation_token ct);

pplx::task<int> refresh(int id, pplx::cancellation_token ct) {
  auto t = pplx::create_task([] { return 1; });
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: call to 'create_task' does not pass the cancellation token 'ct' the function holds; pass it as its 'options' argument [async-missing-cancellation]
  // CHECK-MESSAGES: pplxtasks.h:{{[0-9]+}}:{{[0-9]+}}: note: 'create_task' takes a cancellation token here, defaulted
  // CHECK-MESSAGES: :[[@LINE-4]]:58: note: the function holds the token 'ct' here
  auto u = pplx::create_task([] { return 2; }, ct);
  // A continuation inherits its antecedent's token.
  u.then([](int) {});
  return load(id);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: call to 'load' does not pass the cancellation token 'ct' the function holds; pass it to the overload that accepts a 'pplx::cancellation_token' [async-missing-cancellation]
  // CHECK-MESSAGES: :[[@LINE-12]]:55: note: this overload of 'load' accepts a cancellation token
  // CHECK-MESSAGES: :[[@LINE-11]]:58: note: the function holds the token 'ct' here
  // CHECK-FIXES: {{^}}  return load(id, ct);
}

pplx::task<int> opted_out(int id) {
  return load(id, pplx::cancellation_token::none()); // explicitly none
}

pplx::task<int> from_source(int id, pplx::cancellation_token_source &cts) {
  return load(id, cts.get_token()); // the source's token is passed
}

// cppcoro and folly.
cppcoro::task<void> scan(int shard);
cppcoro::task<void> scan(int shard, cppcoro::cancellation_token token);
void prefetch(int shard, folly::CancellationToken token = {});

cppcoro::task<void> scan_all(cppcoro::cancellation_token token) {
  for (int shard = 0; shard < 4; ++shard)
    co_await scan(shard);
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: call to 'scan' does not pass the cancellation token 'token' the function holds; pass it to the overload that accepts a 'cppcoro::cancellation_token' [async-missing-cancellation]
    // CHECK-MESSAGES: :[[@LINE-7]]:65: note: this overload of 'scan' accepts a cancellation token
    // CHECK-MESSAGES: :[[@LINE-5]]:58: note: the function holds the token 'token' here
    // CHECK-FIXES: {{^}}    co_await scan(shard, token);
}

void warm(folly::CancellationToken token) {
  prefetch(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: call to 'prefetch' does not pass the cancellation token 'token' the function holds; pass it as its 'token' argument [async-missing-cancellation]
  // CHECK-MESSAGES: :[[@LINE-14]]:51: note: 'prefetch' takes a cancellation token here, defaulted
  // CHECK-MESSAGES: :[[@LINE-4]]:36: note: the function holds the token 'token' here
  // CHECK-FIXES: {{^}}  prefetch(1, token);
  prefetch(2, token);
}

// A token of an unrelated type fits no parameter.
void cross(cppcoro::cancellation_token token) { prefetch(3); }

// A source is not a token: it is the caller's to hand out.
void owner(cppcoro::cancellation_source &source) { prefetch(4); }

// async_simple's Slot, passed by pointer.
void fill(int n, async_simple::Slot *slot);
void fill(int n);
void fill_all(async_simple::Slot *slot) {
  fill(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: call to 'fill' does not pass the cancellation token 'slot' the function holds; pass it to the overload that accepts a 'async_simple::Slot *' [async-missing-cancellation]
  // CHECK-MESSAGES: :[[@LINE-5]]:38: note: this overload of 'fill' accepts a cancellation token
  // CHECK-MESSAGES: :[[@LINE-4]]:35: note: the function holds the token 'slot' here
  // CHECK-FIXES: {{^}}  fill(1, slot);
  fill(2, nullptr); // explicitly none
  fill(3, slot);
}

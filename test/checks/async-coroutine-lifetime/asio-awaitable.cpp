// RUN: %check_async_tidy %s async-coroutine-lifetime %t
// Boost.Asio awaitable (lazy; started by co_spawn or co_await).

#include <memory>
#include <string>
#include <string_view>
#include "boost/asio.hpp"

namespace asio = boost::asio;
using asio::awaitable;

struct Session {
  std::string user;
  awaitable<void> greet();
};

awaitable<void> send(std::string_view text);
awaitable<void> serve(const Session &session);

// The closure of an immediately invoked lambda is gone once co_spawn
// returns; the awaitable it made runs later on the io_context.
void spawn_invoked_lambda(asio::io_context &ioc, std::shared_ptr<Session> s) {
  asio::co_spawn(ioc, [s]() -> awaitable<void> { co_await serve(*s); }(),
                 asio::detached);
  // CHECK-MESSAGES: :[[@LINE-2]]:23: warning: the closure of this capturing lambda coroutine is a temporary destroyed at the end of the full-expression, but the coroutine is handed to 'boost::asio::co_spawn'; its captures live in the closure, not in the coroutine frame, and dangle once it suspends
  // CHECK-MESSAGES: :[[@LINE-3]]:24: note: 's' is captured here
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the task is handed off here
}

awaitable<void> Session::greet() {
  return [this]() -> awaitable<void> { co_await send(user); }();
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: the closure of this capturing lambda coroutine is a temporary destroyed at the end of the full-expression, but the coroutine is returned
}

awaitable<void> greet_local() {
  std::string name = "guest";
  return send(name);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'name' is bound to parameter 'text' of coroutine 'send', but the coroutine is returned and outlives 'name'
}

// Look-alikes that are right.

void spawn_lambda_itself(asio::io_context &ioc, std::shared_ptr<Session> s) {
  // co_spawn moves the function object into the frame it runs it from.
  asio::co_spawn(ioc, [s]() -> awaitable<void> { co_await serve(*s); },
                 asio::detached);
}

awaitable<void> awaited_now(asio::io_context &ioc, std::shared_ptr<Session> s) {
  co_await [s]() -> awaitable<void> { co_await serve(*s); }();
  co_await send(std::string("hello ") + s->user);
  co_await asio::co_spawn(ioc,
                          [s]() -> awaitable<void> { co_await serve(*s); }(),
                          asio::use_awaitable);
}

awaitable<void> greet_member(Session &s) {
  return send(s.user);   // the caller owns the session
}

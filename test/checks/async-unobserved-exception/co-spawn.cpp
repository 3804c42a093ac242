// RUN: %check_async_tidy %s async-unobserved-exception %t

#include "boost/asio.hpp"
#include <exception>
#include <stdexcept>

namespace asio = boost::asio;
using asio::awaitable;
using asio::use_awaitable;
using tcp = asio::ip::tcp;

struct protocol_error : std::runtime_error {
  using std::runtime_error::runtime_error;
};

void log_line(const char *) noexcept;
void parse(int); // may throw

awaitable<void> echo(tcp::socket socket) {
  char data[64];
  for (;;) {
    std::size_t n = co_await socket.async_read_some(asio::buffer(data), use_awaitable);
    co_await asio::async_write(socket, asio::buffer(data, n), use_awaitable);
  }
}

awaitable<void> validate(int v) {
  if (v < 0)
    throw protocol_error("negative");
  co_return;
}

awaitable<void> guarded(tcp::socket socket) {
  try {
    char data[64];
    co_await socket.async_read_some(asio::buffer(data), use_awaitable);
    parse(1);
  } catch (...) {
    log_line("session failed");
  }
}

awaitable<void> guarded_by_std_exception(int v) {
  try {
    parse(v);
    if (v == 0)
      throw protocol_error("zero");
  } catch (const std::exception &) {
    log_line("bad");
  }
  co_return;
}

awaitable<void> wrong_handler(int v) {
  try {
    throw protocol_error("x");
  } catch (const std::out_of_range &) {
  }
  co_return;
}

awaitable<void> rethrows(int v) {
  try {
    parse(v);
  } catch (...) {
    log_line("rethrowing");
    throw;
  }
  co_return;
}

awaitable<void> only_noexcept_calls() {
  log_line("hello");
  co_return;
}

awaitable<void> declared_noexcept() noexcept;
awaitable<void> not_visible(); // body in another file

void start(asio::io_context &ctx, tcp::socket s1, tcp::socket s2) {
  asio::co_spawn(ctx, echo(std::move(s1)), asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:44: warning: the coroutine started by 'boost::asio::co_spawn' can throw, and its completion token drops the exception: nobody sees the error and the work just stops; pass a completion handler that rethrows or logs the exception_ptr [async-unobserved-exception]
  // CHECK-MESSAGES: :[[@LINE-61]]:21: note: the awaited operation can rethrow its error here, outside a try block
  asio::co_spawn(ctx, validate(3), asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:36: warning: the coroutine started by 'boost::asio::co_spawn' can throw
  // CHECK-MESSAGES: :[[@LINE-57]]:5: note: thrown here, outside a try block that handles it
  asio::co_spawn(ctx, wrong_handler(3), asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:41: warning: the coroutine started by 'boost::asio::co_spawn' can throw
  // CHECK-MESSAGES: :[[@LINE-33]]:5: note: thrown here, outside a try block that handles it
  asio::co_spawn(ctx, rethrows(3), asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:36: warning: the coroutine started by 'boost::asio::co_spawn' can throw
  // CHECK-MESSAGES: :[[@LINE-25]]:5: note: rethrown here

  // A coroutine lambda (the function-object overload).
  asio::co_spawn(
      ctx, [v = 1]() -> awaitable<void> { parse(v); co_return; }, asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:67: warning: the coroutine started by 'boost::asio::co_spawn' can throw
  // CHECK-MESSAGES: :[[@LINE-2]]:43: note: 'parse' is not noexcept and is called outside a try block

  // detached through a using-declaration.
  using asio::detached;
  co_spawn(ctx, validate(1), detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: the coroutine started by 'boost::asio::co_spawn' can throw

  // Negatives: bodies that let nothing out.
  asio::co_spawn(ctx, guarded(std::move(s2)), asio::detached);
  asio::co_spawn(ctx, guarded_by_std_exception(1), asio::detached);
  asio::co_spawn(ctx, only_noexcept_calls(), asio::detached);
  asio::co_spawn(ctx, declared_noexcept(), asio::detached);
  asio::co_spawn(ctx, []() noexcept -> awaitable<void> { parse(1); co_return; }, asio::detached);
  // Not visible: no finding unless UnknownBodiesThrow (options.cpp).
  asio::co_spawn(ctx, not_visible(), asio::detached);
}

// co_spawn's function-object form: a plain lambda that returns the
// coroutine to run. The coroutine it calls is what can throw.
struct Room {
  awaitable<void> reader() { co_await validate(1); }
  awaitable<void> quiet() noexcept { co_return; }
  void start(asio::io_context &ctx) {
    asio::co_spawn(ctx, [this] { return reader(); }, asio::detached);
    // CHECK-MESSAGES: :[[@LINE-1]]:54: warning: the coroutine started by 'boost::asio::co_spawn' can throw
    // CHECK-MESSAGES: :[[@LINE-5]]:30: note: the awaited operation can rethrow its error here, outside a try block
    asio::co_spawn(ctx, [this] { return quiet(); }, asio::detached);
    // A lambda that does more than forward is judged as it is: no coroutine.
    asio::co_spawn(ctx, [this] { parse(1); return reader(); }, asio::detached);
  }
};

// Negatives: tokens that receive or keep the error.
awaitable<void> observed(asio::io_context &ctx) {
  asio::co_spawn(ctx, validate(1), [](std::exception_ptr e) {
    if (e)
      std::rethrow_exception(e);
  });
  co_await asio::co_spawn(ctx, validate(2), use_awaitable);
  auto f = asio::co_spawn(ctx, validate(3), asio::use_future);
  f.get();
}

// A look-alike token from another namespace.
namespace mine {
struct detached_t {};
inline constexpr detached_t detached;
template <class E, class A, class T> void co_spawn(const E &, A, T) {}
} // namespace mine

void lookalike(asio::io_context &ctx) {
  mine::co_spawn(ctx, validate(1), mine::detached);
}

// The fixes, in order: each plain token of a coroutine that yields no value.
// CHECK-FIXES: {{^}}  asio::co_spawn(ctx, echo(std::move(s1)), [](std::exception_ptr e) { if (e) std::rethrow_exception(e); });{{$}}
// CHECK-FIXES: {{^}}  asio::co_spawn(ctx, validate(3), [](std::exception_ptr e) { if (e) std::rethrow_exception(e); });{{$}}
// CHECK-FIXES: {{^}}  asio::co_spawn(ctx, wrong_handler(3), [](std::exception_ptr e) { if (e) std::rethrow_exception(e); });{{$}}
// CHECK-FIXES: {{^}}  asio::co_spawn(ctx, rethrows(3), [](std::exception_ptr e) { if (e) std::rethrow_exception(e); });{{$}}
// CHECK-FIXES: {{^}}      ctx, [v = 1]() -> awaitable<void> { parse(v); co_return; }, [](std::exception_ptr e) { if (e) std::rethrow_exception(e); });{{$}}
// CHECK-FIXES: {{^}}  co_spawn(ctx, validate(1), [](std::exception_ptr e) { if (e) std::rethrow_exception(e); });{{$}}

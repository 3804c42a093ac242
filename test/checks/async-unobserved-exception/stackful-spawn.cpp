// RUN: %check_async_tidy %s async-unobserved-exception %t

#include "boost/asio.hpp"
#include <exception>
#include <stdexcept>

namespace asio = boost::asio;

void log_line(const char *) noexcept;
void handle(asio::yield_context yield); // may throw
void serve(asio::yield_context yield) { handle(yield); }
void serve_safely(asio::yield_context yield) noexcept {}

void start(asio::io_context &ctx, asio::any_io_executor ex) {
  asio::spawn(ctx, [](asio::yield_context yield) { handle(yield); });
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the stackful coroutine started by 'boost::asio::spawn' can throw, and no completion handler receives the exception: it escapes from the executor's run() on whichever thread runs it; catch it inside the function, or pass a completion token that takes the exception_ptr [async-unobserved-exception]
  // CHECK-MESSAGES: :[[@LINE-2]]:52: note: 'handle' is not noexcept and is called outside a try block
  asio::spawn(ex, serve);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the stackful coroutine started by 'boost::asio::spawn' can throw
  // CHECK-MESSAGES: :[[@LINE-9]]:41: note: 'handle' is not noexcept
  // Boost 1.74's handler form: the handler takes no error.
  asio::spawn([] {}, [](asio::yield_context yield) {
    // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the stackful coroutine started by 'boost::asio::spawn' can throw
    throw std::runtime_error("boom");
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: thrown here, outside a try block that handles it
  });

  // Negatives: the function catches everything, or is noexcept.
  asio::spawn(ctx, [](asio::yield_context yield) {
    try {
      handle(yield);
    } catch (...) {
      log_line("failed");
    }
  });
  asio::spawn(ctx, serve_safely);
  asio::spawn(ctx, [](asio::yield_context yield) noexcept { handle(yield); });
}

// Boost 1.80 added a completion token after the function; one that is not
// detached receives the exception_ptr.
namespace boost::asio {
template <class F, class Token> void spawn(io_context &, F &&, Token &&) {}
} // namespace boost::asio

void with_tokens(asio::io_context &ctx) {
  asio::spawn(ctx, [](asio::yield_context yield) { handle(yield); },
              [](std::exception_ptr e) {
                if (e)
                  std::rethrow_exception(e);
              });
  asio::spawn(ctx, [](asio::yield_context yield) { handle(yield); }, asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the stackful coroutine started by 'boost::asio::spawn' can throw
  // CHECK-MESSAGES: :[[@LINE-2]]:52: note: 'handle' is not noexcept
}

// A spawn of another library: not a stackful coroutine.
namespace other {
template <class E, class F> void spawn(E &, F &&) {}
} // namespace other
void elsewhere(asio::io_context &ctx) {
  other::spawn(ctx, [](int) { throw 1; });
}

// RUN: %check_async_tidy %s async-unobserved-exception %t -- --config="{CheckOptions: {async-unobserved-exception.UnknownBodiesThrow: true, async-unobserved-exception.ErrorDroppingTokens: 'app::ignore_errors_t'}}"
// An invalid regular expression is a configuration error: exit status 2.
// RUN: %expect_exit 2 --stdout %t.regex.out -- %async_tidy --checks='-*,async-unobserved-exception' --config="{CheckOptions: {async-unobserved-exception.ErrorDroppingTokens: 'app::(bad'}}" %s -- -std=c++20 -I %inputs
// RUN: %FileCheck --check-prefix=BAD-REGEX %s < %t.regex.out
// BAD-REGEX: error: ErrorDroppingTokens: invalid regular expression 'app::(bad'

#include "boost/asio.hpp"

namespace asio = boost::asio;

namespace app {
// A home-made token that swallows the error.
struct ignore_errors_t {
  void operator()(std::exception_ptr) const noexcept {}
};
inline constexpr ignore_errors_t ignore_errors;
} // namespace app

asio::awaitable<void> not_visible();
void parse(int);
asio::awaitable<void> visible() {
  parse(1);
  co_return;
}

void start(asio::io_context &ctx) {
  asio::co_spawn(ctx, not_visible(), asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:38: warning: the coroutine started by 'boost::asio::co_spawn' can throw
  // CHECK-MESSAGES: :[[@LINE-10]]:23: note: the body of 'not_visible' is not visible here; UnknownBodiesThrow counts it as throwing
  asio::co_spawn(ctx, visible(), app::ignore_errors);
  // CHECK-MESSAGES: :[[@LINE-1]]:34: warning: the coroutine started by 'boost::asio::co_spawn' can throw
  // CHECK-MESSAGES: :[[@LINE-10]]:3: note: 'parse' is not noexcept
}

// The fixes, in order: each plain token of a coroutine that yields no value.
// CHECK-FIXES: {{^}}  asio::co_spawn(ctx, not_visible(), [](std::exception_ptr e) { if (e) std::rethrow_exception(e); });{{$}}
// CHECK-FIXES: {{^}}  asio::co_spawn(ctx, visible(), [](std::exception_ptr e) { if (e) std::rethrow_exception(e); });{{$}}

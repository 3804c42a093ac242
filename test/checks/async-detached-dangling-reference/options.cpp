// RUN: %check_async_tidy %s async-detached-dangling-reference %t -- \
// RUN:   --config="{CheckOptions: {async-detached-dangling-reference.RequestScopedTypes: 'app::Call', \
// RUN:     ReferenceLikeTypes: 'app::Slice'}}"

#include "boost/asio.hpp"

namespace asio = boost::asio;

namespace app {
struct Call {
  int id;
};
struct Request {
  int id;
};
// Does not own what it points into.
struct Slice {
  const char *data;
};
asio::awaitable<void> parse(Slice s);
} // namespace app

void forward(asio::io_context &ioc, app::Call &call, app::Request &req) {
  asio::post(ioc, [&call] { (void)call.id; });
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: 'call' refers to a request-scoped 'app::Call' owned elsewhere, and it is captured by reference in work detached by 'boost::asio::post'
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: the work is detached here
  // The default list is replaced: Request is no longer request-scoped.
  asio::post(ioc, [&req] { (void)req.id; });
}

void pointers(asio::io_context &ioc, app::Call *call) {
  asio::post(ioc, [call] { (void)call->id; });
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: 'call' refers to a request-scoped 'app::Call' owned elsewhere, and a pointer to it is copied into work detached by 'boost::asio::post'
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: the work is detached here
}

void slices(asio::io_context &ioc) {
  char buffer[16] = {};
  app::Slice view{buffer};
  asio::co_spawn(ioc, app::parse(view), asio::detached);
  // A Slice parameter is reference-like, but what it points into is not
  // traced through a copy: no finding for a by-value Slice.
}

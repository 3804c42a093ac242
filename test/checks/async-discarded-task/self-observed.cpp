// RUN: %check_async_tidy %s async-discarded-task %t

#include <string>
#include "cpprest/http_listener.h"

using web::http::http_request;
using web::http::experimental::listener::http_listener;
namespace status_codes = web::http::status_codes;

// cpprestsdk observes the task that reply() returns itself: a handler that
// replies and returns loses no error.
void handle_get(http_request request) {
  request.reply(status_codes::OK, "hello");
  if (request.extract_string().is_done())
    request.reply(status_codes::NotFound);
}

// Other tasks of the same library still carry their errors to the caller.
void serve(http_listener &listener) {
  listener.support("GET", handle_get);
  listener.open();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'pplx::task<void>' returned by 'web::http::experimental::listener::http_listener::open' is discarded; its completion and errors are never observed
  listener.close().wait();
}

void log_body(http_request request) {
  request.extract_string();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'pplx::task<std::basic_string<char>>' returned by 'web::http::http_request::extract_string' is discarded
}

// A library header reached through -isystem: findings in it are not the
// user's, and are reported only under --system-headers.
#pragma once
#include <future>
#include "task.h"

namespace vendor {
inline task library_coroutine(std::future<int> f) {
  f.get();
  co_return;
}

// Calls the user's callable: its instantiation lives in this header.
template <class F> void run_now(F f) { f(); }
} // namespace vendor

// Spells a whole coroutine for the user; the code is the user's where the
// macro is used.
#define VENDOR_DEFINE_WAITER(name)                                             \
  inline task name(std::future<int> f) {                                       \
    f.get();                                                                   \
    co_return;                                                                 \
  }

// Spells the coroutine's name and frame; the body is the user's text.
#define VENDOR_ENTRY_POINT(body)                                               \
  inline task vendor_entry(std::future<int> f) {                               \
    body co_return;                                                            \
  }

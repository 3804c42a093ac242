// Mock of cppcoro::sync_wait.
#pragma once
#include "task.hpp"

namespace cppcoro {
template <class Awaitable> auto sync_wait(Awaitable &&awaitable) {
  return static_cast<Awaitable &&>(awaitable).operator co_await().await_resume();
}
} // namespace cppcoro

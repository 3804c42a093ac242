#include "task.h"
#include <future>

task suppressed(std::future<int> a, std::future<int> b, std::future<int> c,
                std::future<int> d, std::future<int> e) {
  a.get(); // NOLINT
  b.get(); // NOLINT(async-sync-over-async)
  // NOLINTNEXTLINE(async-*)
  c.get();
  // NOLINTBEGIN(async-sync-over-async)
  d.get();
  // NOLINTEND(async-sync-over-async)
  e.get(); // NOLINT(async-blocking-call)
  co_return;
}

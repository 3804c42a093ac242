// RUN: %check_async_tidy %s async-discarded-task %t -- \
// RUN:   --config="{CheckOptions: {TaskTypes: 'app::Job', \
// RUN:     async-discarded-task.AllowedDiscards: 'app::fire_and_log;.*::start_background'}}"

#include <future>
#include <utility>
#include <vector>
#include "cppcoro/task.hpp"
#include "pplx/pplxtasks.h"

cppcoro::task<int> compute();
pplx::task<void> save();
int work();

namespace app {
// A project type the model cannot see is a task: listed in TaskTypes.
struct Job {
  void cancel();
};
Job submit();
pplx::task<void> fire_and_log();
struct Service {
  pplx::task<void> start_background();
};
} // namespace app

void locals(app::Service &service) {
  auto never = compute();
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'never' of type 'cppcoro::task<int>' is never awaited, moved or passed on; the work never starts unless it is awaited [async-discarded-task]
  pplx::task<void> dropped = save();
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: 'dropped' of type 'pplx::task<void>' is never awaited, moved or passed on; its completion and errors are never observed
  auto joined = std::async(std::launch::async, work);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'joined' of type 'std::future<int>' is never awaited, moved or passed on; its destructor blocks until the work finishes
  app::submit();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'app::Job' returned by 'app::submit' is discarded; its completion and errors are never observed

  // Used, marked [[maybe_unused]], default-constructed, or allowed.
  auto used = save();
  used.wait();
  [[maybe_unused]] auto marked = compute();
  cppcoro::task<int> empty;
  std::vector<pplx::task<void>> all;
  auto moved = save();
  all.push_back(std::move(moved));
  app::fire_and_log();
  service.start_background();
}

// A task type used as a value in a template, never called, is no discard.
template <class Task> struct Holder {
  Task task;
  void reset() { task = Task(); }
};
template struct Holder<cppcoro::task<int>>;

template <class F> void call_twice(F f) {
  f();
  f();
}
void discard_through_template() {
  call_twice([] { return 1; });
}

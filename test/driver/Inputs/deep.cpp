#include "task.h"
#include <chrono>
#include <future>
#include <thread>

// A blocking wait and a sleep two calls away from a coroutine.
int twoDeep(std::future<int> &f) {
  std::this_thread::sleep_for(std::chrono::seconds(1));
  return f.get();
}
int oneDeep(std::future<int> &f) { return twoDeep(f); }
task handle(std::future<int> f) {
  oneDeep(f);
  co_return;
}

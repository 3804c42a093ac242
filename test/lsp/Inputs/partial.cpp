#include "cppcoro/task.hpp"
#include <chrono>
#include <thread>

cppcoro::task<int> fetch();

void pause_a_little() {
  std::this_thread::sleep_for(std::chrono::milliseconds(5));
}

cppcoro::task<int> caller() {
  pause_a_little();
  co_return co_await fetch();
}

cppcoro::task<int> unrelated() {
  std::this_thread::sleep_for(std::chrono::seconds(1));
  co_return co_await fetch();
}

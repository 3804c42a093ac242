#include "cppcoro/task.hpp"
#include <future>

cppcoro::task<void> flush();

int load(std::future<int> &f) { return f.get(); }

cppcoro::task<int> handler(std::future<int> f) {
  flush();
  int value = load(f);
  co_return value;
}

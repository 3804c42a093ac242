#include "net/task.h"
#include <future>

#if NET_WAITS
task relay(std::future<int> f) {
  f.get();
  co_return;
}
#endif

int main() { return 0; }

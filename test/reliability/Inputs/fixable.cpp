#include "cppcoro/task.hpp"

cppcoro::task<void> flush();

cppcoro::task<int> handler() {
  flush();
  co_return 1;
}

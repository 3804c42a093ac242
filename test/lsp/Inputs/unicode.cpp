#include "cppcoro/task.hpp"

cppcoro::task<void> flush();

cppcoro::task<int> handler() {
  /* é 😀 */ flush();
  co_return 1;
}

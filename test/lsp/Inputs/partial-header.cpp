#include "cppcoro/task.hpp"
#include "partial-header.h"

cppcoro::task<int> fetch();

cppcoro::task<int> caller() {
  nap();
  co_return co_await fetch();
}

cppcoro::task<int> unrelated() {
  int value = co_await fetch();
  co_return value;
}

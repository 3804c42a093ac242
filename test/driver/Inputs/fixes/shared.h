// Included by two files: its fix must be applied once.
#pragma once
#include "cppcoro/task.hpp"

cppcoro::task<void> flush();

inline cppcoro::task<void> drain() {
  flush();
  co_return;
}

int global_counter = 0;

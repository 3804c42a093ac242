// Mock of folly/Executor.h: add() takes the work as a type-erased
// folly::Function by value; implementations queue it (see
// folly/executors/CPUThreadPoolExecutor.h).
#pragma once
#include <folly/Function.h>

namespace folly {
using Func = Function<void()>;

class Executor {
public:
  virtual ~Executor() = default;
  /// Enqueue a function to be executed by this executor.
  virtual void add(Func) = 0;
  virtual void addWithPriority(Func, signed char priority);
};
} // namespace folly

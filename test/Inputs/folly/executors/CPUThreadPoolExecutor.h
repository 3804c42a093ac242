// Mock of folly/executors/CPUThreadPoolExecutor.h (with the
// ThreadPoolExecutor base of folly/executors/ThreadPoolExecutor.h). As in
// folly, add() is declared here and defined out of line, in a .cpp file the
// translation unit never sees: the callable goes into a task queue, but
// the declarations alone do not show it.
#pragma once
#include <cstddef>
#include <folly/Executor.h>

namespace folly {
class ThreadPoolExecutor : public Executor {
public:
  explicit ThreadPoolExecutor(size_t maxThreads, size_t minThreads);
  ~ThreadPoolExecutor() override;
  void join();
  void stop();
  size_t numThreads() const;
};

class CPUThreadPoolExecutor : public ThreadPoolExecutor {
public:
  explicit CPUThreadPoolExecutor(size_t numThreads);
  ~CPUThreadPoolExecutor() override;
  void add(Func func) override;
  void addWithPriority(Func func, signed char priority) override;
};
} // namespace folly

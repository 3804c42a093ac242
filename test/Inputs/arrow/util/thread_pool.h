// Mock of arrow/util/thread_pool.h. Executor::Spawn and Submit are
// templates that wrap the callable into a type-erased internal::FnOnce and
// hand it to the virtual SpawnReal(), whose override (ThreadPool, defined in
// thread_pool.cc) queues it for a worker thread. Submit returns
// Result<Future<R>>.
#pragma once
#include <arrow/status.h>
#include <arrow/util/future.h>
#include <cstdint>
#include <memory>
#include <type_traits>
#include <utility>

namespace arrow {
class StopToken {
public:
  static StopToken Unstoppable();
};
struct TaskHints {
  int32_t priority = 0;
  int64_t io_size = -1;
  int64_t cpu_cost = -1;
  int64_t external_id = -1;
};

namespace internal {
class Executor {
public:
  using StopCallback = internal::FnOnce<void(const Status &)>;
  virtual ~Executor();

  template <typename Function> Status Spawn(Function &&func) {
    return SpawnReal(TaskHints{}, std::forward<Function>(func),
                     StopToken::Unstoppable(), StopCallback{});
  }
  template <typename Function> Status Spawn(TaskHints hints, Function &&func) {
    return SpawnReal(hints, std::forward<Function>(func),
                     StopToken::Unstoppable(), StopCallback{});
  }

  template <typename Function, typename... Args,
            typename R = std::invoke_result_t<Function &&, Args &&...>>
  Result<Future<R>> Submit(Function &&func, Args &&...args) {
    auto future = Future<R>::Make();
    Status st = SpawnReal(TaskHints{},
                          [future, func = std::forward<Function>(func)]() mutable {
                            future.MarkFinished(func());
                          },
                          StopToken::Unstoppable(), StopCallback{});
    if (!st.ok())
      return st;
    return future;
  }

  virtual int GetCapacity() = 0;

protected:
  virtual Status SpawnReal(TaskHints hints, FnOnce<void()> task, StopToken,
                           StopCallback &&) = 0;
};

class ThreadPool : public Executor {
public:
  static Result<std::shared_ptr<ThreadPool>> Make(int threads);
  ~ThreadPool() override;
  int GetCapacity() override;
  Status Shutdown(bool wait = true);
  void WaitForIdle();

protected:
  Status SpawnReal(TaskHints hints, FnOnce<void()> task, StopToken,
                   StopCallback &&) override;
};

ThreadPool *GetCpuThreadPool();
} // namespace internal
} // namespace arrow

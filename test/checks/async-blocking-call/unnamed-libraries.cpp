// RUN: %check_async_tidy --check-suffixes=,INFER %s async-blocking-call %t
// RUN: %check_async_tidy %s async-blocking-call %t.off -- \
// RUN:   --config="{CheckOptions: {InferFutures: false, InferExecutors: false, InferPromises: false, InferTimers: false, InferLocks: false}}"

// Locks the tables do not name held across co_await, blocking calls inside
// work handed to executors they do not name, and the standard blocking
// primitives (atomic waits, semaphores, latches, barriers) in coroutines.
// CHECK-MESSAGES-INFER lines need the structural inference (issue #17);
// plain CHECK-MESSAGES lines are expected with the inference switched off
// too (absl::MutexLock and folly::Executor::add are in the tables; the
// primitives are standard library calls, not inferred roles).

#include <atomic>
#include <barrier>
#include <chrono>
#include <latch>
#include <mutex>
#include <semaphore>
#include <thread>
#include <absl/synchronization/mutex.h>
#include <arrow/util/thread_pool.h>
#include <folly/executors/CPUThreadPoolExecutor.h>
#include <homemade/ThreadPool.h>
#include <homemade/work.h>
#include <seastar/core/coroutine.hh>
#include <seastar/core/future.hh>
#include <seastar/core/sleep.hh>
#include <winrt/Windows.Foundation.h>

using namespace std::chrono_literals;

seastar::future<int> fetch(int key);
absl::Mutex mu;

// --- absl locks held across a suspension point.
seastar::future<int> absl_held(int key) {
  absl::MutexLock lock(&mu);
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: lock 'lock' of type 'absl::MutexLock' is held across a suspension point in coroutine 'absl_held'
  co_return co_await fetch(key);
}

seastar::future<int> absl_releasable_held(int key) {
  absl::ReleasableMutexLock lock(&mu);
  // CHECK-MESSAGES-INFER: :[[@LINE-1]]:29: warning: lock 'lock' of type 'absl::ReleasableMutexLock' is held across a suspension point in coroutine 'absl_releasable_held'; {{.*}}
  int v = co_await fetch(key);
  co_return v;
}

seastar::future<> absl_mutex_locked(int key) {
  mu.Lock();
  // CHECK-MESSAGES-INFER: :[[@LINE-1]]:6: warning: blocking call 'absl::Mutex::Lock' inside coroutine 'absl_mutex_locked'; {{.*}}
  mu.Unlock();
  co_await seastar::sleep(1ms);
}

// A home-made RAII guard over a home-made spin lock: a lock by shape.
class Spinlock {
public:
  void lock() {
    while (flag_.test_and_set(std::memory_order_acquire)) {
    }
  }
  void unlock() { flag_.clear(std::memory_order_release); }

private:
  std::atomic_flag flag_;
};
class SpinGuard {
public:
  explicit SpinGuard(Spinlock &l) : l_(l) { l_.lock(); }
  ~SpinGuard() { l_.unlock(); }

private:
  Spinlock &l_;
};
Spinlock spin;

winrt::Windows::Foundation::IAsyncAction spin_held() {
  SpinGuard guard(spin);
  // CHECK-MESSAGES-INFER: :[[@LINE-1]]:13: warning: lock 'guard' of type 'SpinGuard' is held across a suspension point in coroutine 'spin_held'; {{.*}}
  co_await winrt::resume_background();
}

// Released before the suspension: scope ended, Release(), Unlock().
seastar::future<int> absl_released(int key) {
  {
    absl::MutexLock lock(&mu);
  }
  {
    SpinGuard guard(spin);
  }
  absl::ReleasableMutexLock releasable(&mu);
  releasable.Release();
  int v = co_await fetch(key);
  co_return v;
}

// A class that takes a mutex but is no lock: it neither locks it nor
// unlocks it (an observer of the mutex).
class MutexStats {
public:
  explicit MutexStats(absl::Mutex &m) : m_(&m) {}
  void AssertHeld() const { m_->AssertHeld(); }

private:
  absl::Mutex *m_;
};
seastar::future<int> not_a_lock(int key) {
  MutexStats stats(mu);
  co_return co_await fetch(key);
}

// --- Blocking calls inside work handed to executors the tables do not name.
void pools(ThreadPool &pool, work::WorkerGroup &workers, work::Dispatcher &d,
           arrow::internal::ThreadPool *arrow_pool,
           folly::CPUThreadPoolExecutor &cpu, folly::Executor &ex) {
  pool.enqueue([] { std::this_thread::sleep_for(10ms); });
  // CHECK-MESSAGES-INFER: :[[@LINE-1]]:21: warning: blocking call 'std::this_thread::sleep_for' inside a lambda run by 'ThreadPool::enqueue'; {{.*}}
  workers.Schedule([] { std::this_thread::sleep_for(10ms); });
  // CHECK-MESSAGES-INFER: :[[@LINE-1]]:25: warning: blocking call 'std::this_thread::sleep_for' inside a lambda run by 'work::WorkerGroup::Schedule'; {{.*}}
  d.Schedule([] { std::this_thread::sleep_for(10ms); });
  // CHECK-MESSAGES-INFER: :[[@LINE-1]]:19: warning: blocking call 'std::this_thread::sleep_for' inside a lambda run by 'work::Dispatcher::Schedule'; {{.*}}
  (void)arrow_pool->Spawn([] { std::this_thread::sleep_for(10ms); });
  // CHECK-MESSAGES-INFER: :[[@LINE-1]]:32: warning: blocking call 'std::this_thread::sleep_for' inside a lambda run by 'arrow::internal::ThreadPool::Spawn'; {{.*}}
  cpu.add([] { std::this_thread::sleep_for(10ms); });
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: blocking call 'std::this_thread::sleep_for' inside a lambda run by 'folly::CPUThreadPoolExecutor::add'; {{.*}}
  ex.add([] { std::this_thread::sleep_for(10ms); });
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: blocking call 'std::this_thread::sleep_for' inside a lambda run by 'folly::Executor::add'
}

// Look-alikes: a post() that runs the callable before returning, a
// Schedule() that takes no callable, a plain container named TaskQueue.
void not_handed_off(work::SyncQueue &q, work::JobScheduler &jobs,
                    work::TaskQueue &tasks) {
  q.post([] { std::this_thread::sleep_for(10ms); });
  jobs.Schedule(work::Job{"compact", 0}, std::chrono::seconds(5));
  tasks.push(1);
  std::this_thread::sleep_for(1ms);
}

// --- Standard blocking primitives inside a coroutine.
std::atomic<int> state{0};
std::counting_semaphore<8> slots(8);
std::latch started(2);
std::barrier<> phase(2);

seastar::future<> primitives() {
  state.wait(0);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: blocking call 'std::atomic<int>::wait' inside coroutine 'primitives'
  slots.acquire();
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: blocking call 'std::counting_semaphore<8>::acquire' inside coroutine 'primitives'
  // Latches and barriers wait for other threads: async-sync-over-async
  // reports them (a wait of kind Barrier), not this check.
  started.wait();
  phase.arrive_and_wait();
  co_await seastar::sleep(1ms);
}

// Non-blocking members of the same primitives.
seastar::future<> primitives_nonblocking() {
  state.notify_all();
  (void)slots.try_acquire();
  started.count_down();
  (void)phase.arrive();
  (void)started.try_wait();
  co_return;
}

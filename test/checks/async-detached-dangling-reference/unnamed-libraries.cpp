// RUN: %check_async_tidy --check-suffixes=,INFER %s async-detached-dangling-reference %t
// RUN: %check_async_tidy %s async-detached-dangling-reference %t.off -- \
// RUN:   --config="{CheckOptions: {InferFutures: false, InferExecutors: false, InferPromises: false, InferTimers: false, InferLocks: false}}"

// Locals captured by reference in work handed to executors and
// continuations of libraries the tables do not name. CHECK-MESSAGES-INFER
// lines need the structural inference (issue #17); plain CHECK-MESSAGES
// lines come from the tables (folly::Executor::add).

#include <condition_variable>
#include <future>
#include <mutex>
#include <string>
#include <vector>
#include <absl/synchronization/notification.h>
#include <arrow/util/future.h>
#include <arrow/util/thread_pool.h>
#include <folly/executors/CPUThreadPoolExecutor.h>
#include <homemade/ThreadPool.h>
#include <homemade/work.h>
#include <seastar/core/coroutine.hh>
#include <seastar/core/future.hh>
#include <seastar/core/smp.hh>
#include <winrt/Windows.Foundation.h>

void use(const std::string &);
void use(const std::vector<int> &);

// --- Home-made pools: the work runs on a pool thread after the caller's
// locals are gone.
void enqueue_dropped(ThreadPool &pool) {
  std::string name = "x";
  pool.enqueue([&name] { use(name); });
  // CHECK-MESSAGES-INFER: :[[@LINE-1]]:18: warning: 'name' is destroyed when its scope ends, but it is captured by reference in work detached by 'ThreadPool::enqueue'; {{.*}}
}

void schedule_and_submit(work::WorkerGroup &workers) {
  std::vector<int> rows;
  workers.Schedule([&rows] { rows.push_back(1); });
  // CHECK-MESSAGES-INFER: :[[@LINE-1]]:22: warning: 'rows' is destroyed when its scope ends, but it is captured by reference in work detached by 'work::WorkerGroup::Schedule'; {{.*}}
  std::string key = "k";
  auto pending = workers.Submit([&key] { return key.size(); });
  // CHECK-MESSAGES-INFER: :[[@LINE-1]]:35: warning: 'key' is destroyed when its scope ends, but it is captured by reference in work detached by 'work::WorkerGroup::Submit'; {{.*}}
  (void)pending;
}

void dispatcher_default_capture(work::Dispatcher &d) {
  std::string path = "/tmp";
  d.Schedule([&] { use(path); });
  // CHECK-MESSAGES-INFER: :[[@LINE-1]]:24: warning: 'path' is destroyed when its scope ends, but it is captured by reference in work detached by 'work::Dispatcher::Schedule'; {{.*}}
}

// --- Arrow: Spawn onto the pool, and a callback run by MarkFinished later.
void arrow_spawn(arrow::internal::ThreadPool *pool) {
  std::vector<int> batch;
  (void)pool->Spawn([&batch] { batch.push_back(1); });
  // CHECK-MESSAGES-INFER: :[[@LINE-1]]:23: warning: 'batch' is destroyed when its scope ends, but it is captured by reference in work detached by 'arrow::internal::ThreadPool::Spawn'; {{.*}}
}
void arrow_callback(arrow::Future<int> fut) {
  std::string label = "scan";
  fut.AddCallback([&label](const arrow::Result<int> &) { use(label); });
  // CHECK-MESSAGES-INFER: :[[@LINE-1]]:21: warning: 'label' is destroyed when its scope ends, but it is captured by reference in work detached by 'arrow::Future::AddCallback'; {{.*}}
}

// --- folly: add() through the base class is in the tables, and so is the
// concrete pool's add, which overrides it.
void folly_pools(folly::Executor &ex, folly::CPUThreadPoolExecutor &cpu) {
  std::string a = "a";
  ex.add([&a] { use(a); });
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'a' is destroyed when its scope ends, but it is captured by reference in work detached by 'folly::Executor::add'
  std::string b = "b";
  cpu.add([&b] { use(b); });
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'b' is destroyed when its scope ends, but it is captured by reference in work detached by 'folly::CPUThreadPoolExecutor::add'; {{.*}}
}

// --- Seastar: another shard, and a continuation that outlives the frame.
seastar::future<int> read_row(int key);
seastar::future<int> seastar_cross_shard() {
  std::string key = "k";
  return seastar::smp::submit_to(1, [&key] { return int(key.size()); });
  // CHECK-MESSAGES-INFER: :[[@LINE-1]]:39: warning: 'key' is destroyed when its scope ends, but it is captured by reference in work detached by 'seastar::smp::submit_to'; {{.*}}
}
seastar::future<int> seastar_continuation() {
  int base = 10;
  return read_row(1).then([&base](int v) { return v + base; });
  // CHECK-MESSAGES-INFER: :[[@LINE-1]]:29: warning: 'base' is destroyed when its scope ends, but it is captured by reference in work detached by 'seastar::future::then'; {{.*}}
}

// --- Joined before the scope ends: no warning.
void enqueue_joined(ThreadPool &pool) {
  std::string name = "x";
  auto f = pool.enqueue([&name] { use(name); });
  f.get();
}

// A flag set by the work, waited for under a condition variable.
void flag_joined(work::WorkerGroup &workers) {
  std::mutex m;
  std::condition_variable cv;
  bool done = false;
  std::string name = "x";
  workers.Schedule([&] {
    use(name);
    {
      std::lock_guard<std::mutex> lock(m);
      done = true;
    }
    cv.notify_one();
  });
  std::unique_lock<std::mutex> lock(m);
  while (!done)
    cv.wait(lock);
}
void flag_joined_folly(folly::Executor &ex) {
  std::mutex m;
  std::condition_variable cv;
  bool done = false;
  std::string name = "x";
  ex.add([&] {
    use(name);
    std::lock_guard<std::mutex> lock(m);
    done = true;
    cv.notify_all();
  });
  std::unique_lock<std::mutex> lock(m);
  while (!done)
    cv.wait(lock);
}

// An absl::Notification the work notifies, waited for.
void notification_joined(work::WorkerGroup &workers, folly::Executor &ex) {
  absl::Notification finished;
  std::vector<int> rows;
  workers.Schedule([&rows, &finished] {
    rows.push_back(1);
    finished.Notify();
  });
  finished.WaitForNotification();
  absl::Notification folly_finished;
  ex.add([&rows, &folly_finished] {
    rows.push_back(2);
    folly_finished.Notify();
  });
  folly_finished.WaitForNotification();
}

// Awaited before the frame ends.
seastar::future<int> seastar_awaited() {
  std::string key = "k";
  int n = co_await seastar::smp::submit_to(1, [&key] { return int(key.size()); });
  co_return n;
}

// Copies, and look-alikes that hand nothing off.
void not_detached(ThreadPool &pool, work::SyncQueue &q,
                  work::JobScheduler &jobs, work::TaskQueue &tasks) {
  std::string name = "x";
  pool.enqueue([name] { use(name); });
  q.post([&name] { use(name); });
  work::Job job{"reindex", 3};
  jobs.Schedule(job, std::chrono::seconds(30));
  int id = 7;
  tasks.push(id);
}

// --- A helper that hands its reference parameter to a home-made pool: the
// caller's local is what the work refers to.
void enqueue_line(ThreadPool &pool, const std::string &line) {
  pool.enqueue([&line] { use(line); });
}

void enqueue_through_helper(ThreadPool &pool) {
  std::string line = "x";
  enqueue_line(pool, line);
  // CHECK-MESSAGES-INFER: :[[@LINE-1]]:22: warning: 'line' is destroyed when its scope ends, but it is passed to 'enqueue_line' as 'line', and there it is captured by reference in work detached by 'ThreadPool::enqueue'; {{.*}}
}

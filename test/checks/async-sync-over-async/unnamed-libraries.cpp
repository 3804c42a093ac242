// RUN: %check_async_tidy --check-suffixes=,INFER %s async-sync-over-async %t
// RUN: %check_async_tidy %s async-sync-over-async %t.off -- \
// RUN:   --config="{CheckOptions: {InferFutures: false, InferExecutors: false, InferPromises: false, InferTimers: false, InferLocks: false}}"

// Blocking waits on futures of libraries the model's tables do not name
// (Seastar, Arrow, C++/WinRT), and waits inside work handed to executors
// they do not name (Arrow's ThreadPool, home-made pools; a
// CPUThreadPoolExecutor reached through its own type is known by the
// folly::Executor::add its add overrides). CHECK-MESSAGES-INFER lines need
// the structural inference (issue #17); plain CHECK-MESSAGES lines come from
// the tables and stay with the inference switched off.

#include <future>
#include <memory>
#include <optional>
#include <tuple>
#include <vector>
#include <absl/synchronization/notification.h>
#include <arrow/util/future.h>
#include <arrow/util/thread_pool.h>
#include <folly/executors/CPUThreadPoolExecutor.h>
#include <folly/futures/Future.h>
#include <homemade/ThreadPool.h>
#include <homemade/work.h>
#include <seastar/core/coroutine.hh>
#include <seastar/core/future.hh>
#include <seastar/core/smp.hh>
#include <seastar/core/thread.hh>
#include <winrt/Windows.Foundation.h>

using winrt::Windows::Foundation::IAsyncAction;
using winrt::Windows::Foundation::IAsyncOperation;

// --- Seastar: future<T>::get()/wait() block the reactor thread.
seastar::future<int> read_row(int key);

seastar::future<int> seastar_handler(int key) {
  seastar::future<int> row = read_row(key);
  int v = row.get();
  // CHECK-MESSAGES-INFER: :[[@LINE-1]]:15: warning: blocking wait 'seastar::future<int>::get' inside coroutine 'seastar_handler'; use 'co_await' instead
  // CHECK-FIXES-INFER: {{^}}  int v = co_await std::move(row);{{$}}
  seastar::future<int> other = read_row(key + 1);
  other.wait();
  // CHECK-MESSAGES-INFER: :[[@LINE-1]]:9: warning: blocking wait 'seastar::future<int>::wait' inside coroutine 'seastar_handler'; {{.*}}
  co_return v + co_await read_row(key + 2);
}

// Work submitted to another shard runs on that shard's reactor.
seastar::future<int> seastar_cross_shard(seastar::future<int> &f) {
  return seastar::smp::submit_to(1, [&f] { return f.get(); });
  // CHECK-MESSAGES-INFER: :[[@LINE-1]]:53: warning: blocking wait 'seastar::future<int>::get' inside a lambda run by 'seastar::smp::submit_to'; {{.*}}
}

// get() inside seastar::async runs in a seastar::thread, where it yields
// the thread instead of blocking the reactor; a readiness test makes get()
// return at once.
seastar::future<int> seastar_thread(int key) {
  return seastar::async([key] { return read_row(key).get(); });
}
seastar::future<int> seastar_ready(seastar::future<int> f) {
  if (f.available())
    co_return f.get();
  co_return co_await std::move(f);
}

// --- folly: Future::get()/wait() are in the tables; a lambda run by an
// executor is recognised through folly::Executor::add.
void folly_on_executor(folly::Executor &ex, folly::Future<int> &f) {
  ex.add([&f] { (void)std::move(f).get(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:36: warning: blocking wait 'folly::Future<int>::get' inside a lambda run by 'folly::Executor::add'; {{.*}}
}
void folly_on_cpu_pool(folly::CPUThreadPoolExecutor &pool, folly::Future<int> &f) {
  pool.add([&f] { f.wait(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: blocking wait 'folly::Future<int>::wait' inside a lambda run by 'folly::CPUThreadPoolExecutor::add'; {{.*}}
}

// --- Arrow: Future<T>::result()/Wait() block; Spawn/Submit hand work to a
// pool thread through the type-erased SpawnReal().
void arrow_spawn(arrow::internal::ThreadPool *pool, arrow::Future<int> fut) {
  (void)pool->Spawn([fut] {
    fut.Wait();
    // CHECK-MESSAGES-INFER: :[[@LINE-1]]:9: warning: blocking wait 'arrow::Future<int>::Wait' inside a lambda run by 'arrow::internal::ThreadPool::Spawn'; {{.*}}
    (void)fut.result();
    // CHECK-MESSAGES-INFER: :[[@LINE-1]]:15: warning: blocking wait 'arrow::Future<int>::result' inside a lambda run by 'arrow::internal::ThreadPool::Spawn'; {{.*}}
  });
}
void arrow_submit(arrow::internal::Executor *executor, arrow::Future<int> fut) {
  auto done = executor->Submit([fut] { return fut.result().ValueOrDie(); });
  // CHECK-MESSAGES-INFER: :[[@LINE-1]]:51: warning: blocking wait 'arrow::Future<int>::result' inside a lambda run by 'arrow::internal::Executor::Submit'; {{.*}}
  (void)done;
}
// A finished-state test makes result() return at once; Result<T> is a
// value, not a future.
int arrow_ready(arrow::Future<int> fut, arrow::Result<int> res,
                arrow::internal::ThreadPool *pool) {
  (void)pool->Spawn([fut, res] {
    if (fut.is_finished())
      (void)fut.result();
    (void)res.ValueOrDie();
    (void)*res;
  });
  return 0;
}

// --- C++/WinRT: IAsyncAction/IAsyncOperation get() blocks the thread. get()
// is declared in a CRTP base (winrt::impl::consume_...); either the
// interface or the base may be named in the message.
IAsyncAction load_async();
IAsyncOperation<int> count_async();

IAsyncAction winrt_handler() {
  load_async().get();
  // CHECK-MESSAGES-INFER: :[[@LINE-1]]:16: warning: blocking wait '{{winrt::Windows::Foundation::IAsyncAction|winrt::impl::consume_Windows_Foundation_IAsyncAction<winrt::Windows::Foundation::IAsyncAction>}}::get' inside coroutine 'winrt_handler'; {{.*}}
  co_await winrt::resume_background();
  int n = count_async().get();
  // CHECK-MESSAGES-INFER: :[[@LINE-1]]:25: warning: blocking wait '{{.*}}IAsyncOperation<int>{{.*}}::get' inside coroutine 'winrt_handler'; {{.*}}
  (void)n;
  co_await load_async();
}

// --- Home-made pools: std::future::get is in the tables; the lambdas run
// on the pool only by inference (enqueue on a ThreadPool, Schedule/Submit on
// a WorkerGroup, Schedule on a Dispatcher whose callable is stored).
void homemade_enqueue(ThreadPool &pool) {
  auto first = pool.enqueue([] { return 1; });
  auto second = pool.enqueue([&first] { return first.get() + 1; });
  // CHECK-MESSAGES-INFER: :[[@LINE-1]]:54: warning: blocking wait 'std::future<{{.*}}>::get' inside a lambda run by 'ThreadPool::enqueue'; {{.*}}
  (void)second.get();
}
void homemade_schedule(work::WorkerGroup &workers, std::shared_future<int> f) {
  workers.Schedule([f] { f.wait(); });
  // CHECK-MESSAGES-INFER: :[[@LINE-1]]:28: warning: blocking wait 'std::shared_future<int>::wait' inside a lambda run by 'work::WorkerGroup::Schedule'; {{.*}}
  auto r = workers.Submit([f] { return f.get(); });
  // CHECK-MESSAGES-INFER: :[[@LINE-1]]:42: warning: blocking wait 'std::shared_future<int>::get' inside a lambda run by 'work::WorkerGroup::Submit'; {{.*}}
  (void)r;
}
void homemade_dispatcher(work::Dispatcher &d, std::shared_future<int> f) {
  d.Schedule([f] { (void)f.get(); });
  // CHECK-MESSAGES-INFER: :[[@LINE-1]]:28: warning: blocking wait 'std::shared_future<int>::get' inside a lambda run by 'work::Dispatcher::Schedule'; {{.*}}
}

// --- Look-alikes: none of these waits for asynchronous work.
template <class T> class Expected {
public:
  bool has_value() const;
  T &value();
  const T &error() const;
  template <class F> auto and_then(F &&f) -> Expected<T>;
};

seastar::future<int> look_alikes(std::optional<int> opt,
                                 std::unique_ptr<int> owned,
                                 std::shared_ptr<int> shared,
                                 std::tuple<int, int> pair,
                                 std::vector<int> values, Expected<int> ex,
                                 work::TaskQueue &queue) {
  int total = opt.value() + *owned.get() + *shared.get() + std::get<0>(pair);
  total += values.at(0) + values.front();
  if (ex.has_value())
    total += ex.value();
  if (!queue.empty())
    total += queue.pop();
  co_return total;
}

// A post() that runs its callable before returning hands nothing off; a
// Schedule() that takes no callable runs nothing.
int inline_post(work::SyncQueue &q, std::future<int> &f,
                work::JobScheduler &jobs) {
  int v = 0;
  q.post([&] { v = f.get(); });
  jobs.Schedule(work::Job{"nightly", 1}, std::chrono::seconds(60));
  return v;
}

// Plain synchronous code: main waits for everything.
int main() {
  ThreadPool pool(4);
  auto f = pool.enqueue([] { return 42; });
  absl::Notification ready;
  ready.WaitForNotification();
  return f.get();
}

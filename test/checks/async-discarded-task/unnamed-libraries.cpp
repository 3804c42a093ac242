// RUN: %check_async_tidy --check-suffixes=,INFER %s async-discarded-task %t
// RUN: %check_async_tidy %s async-discarded-task %t.off -- \
// RUN:   --config="{CheckOptions: {InferFutures: false, InferExecutors: false, InferPromises: false, InferTimers: false, InferLocks: false}}"

// Futures of libraries the tables do not name, dropped by the caller.
// CHECK-MESSAGES-INFER lines need the structural inference (issue #17);
// plain CHECK-MESSAGES lines come from the tables (folly, std::future).

#include <future>
#include <memory>
#include <optional>
#include <vector>
#include <arrow/util/future.h>
#include <arrow/util/thread_pool.h>
#include <folly/futures/Future.h>
#include <folly/futures/Promise.h>
#include <homemade/ThreadPool.h>
#include <homemade/work.h>
#include <seastar/core/coroutine.hh>
#include <seastar/core/future.hh>
#include <seastar/core/smp.hh>
#include <winrt/Windows.Foundation.h>

using winrt::Windows::Foundation::IAsyncAction;
using winrt::Windows::Foundation::IAsyncOperation;

seastar::future<> flush_memtable();
seastar::future<int> count_rows();
arrow::Future<int> read_batch();
arrow::Future<> write_batch();
folly::SemiFuture<int> fetch_semi();
folly::Future<int> fetch_eager();
IAsyncAction save_async();
IAsyncOperation<int> size_async();

void dropped(folly::Promise<int> &p) {
  flush_memtable();
  // CHECK-MESSAGES-INFER: :[[@LINE-1]]:3: warning: 'seastar::future<{{(void)?}}>' returned by 'flush_memtable' is discarded; {{.*}}
  count_rows();
  // CHECK-MESSAGES-INFER: :[[@LINE-1]]:3: warning: 'seastar::future<int>' returned by 'count_rows' is discarded; {{.*}}
  seastar::smp::submit_to(1, [] { return 1; });
  // CHECK-MESSAGES-INFER: :[[@LINE-1]]:3: warning: 'seastar::future<int>' returned by 'seastar::smp::submit_to' is discarded; {{.*}}
  read_batch();
  // CHECK-MESSAGES-INFER: :[[@LINE-1]]:3: warning: 'arrow::Future<int>' returned by 'read_batch' is discarded; {{.*}}
  write_batch();
  // CHECK-MESSAGES-INFER: :[[@LINE-1]]:3: warning: 'arrow::Future<>' returned by 'write_batch' is discarded; {{.*}}
  fetch_semi();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'folly::SemiFuture<int>' returned by 'fetch_semi' is discarded; the work never starts
  fetch_eager();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'folly::Future<int>' returned by 'fetch_eager' is discarded; its completion and errors are never observed
  p.getSemiFuture();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'folly::SemiFuture<int>' returned by 'folly::Promise<int>::getSemiFuture' is discarded
  save_async();
  // CHECK-MESSAGES-INFER: :[[@LINE-1]]:3: warning: 'winrt::Windows::Foundation::IAsyncAction' returned by 'save_async' is discarded; {{.*}}
  size_async();
  // CHECK-MESSAGES-INFER: :[[@LINE-1]]:3: warning: 'winrt::Windows::Foundation::IAsyncOperation<int>' returned by 'size_async' is discarded; {{.*}}
}

// A user coroutine returning a Seastar future, dropped inside another.
seastar::future<int> compact(int level) { co_return level; }
seastar::future<> caller() {
  compact(1);
  // CHECK-MESSAGES-INFER: :[[@LINE-1]]:3: warning: 'seastar::future<int>' returned by 'compact' is discarded; {{.*}}; use 'co_await'
  // CHECK-FIXES-INFER: {{^}}  co_await compact(1);{{$}}
  co_await compact(2);
}

// Kept, returned, awaited, chained and stored: all fine.
std::vector<arrow::Future<int>> in_flight;
seastar::future<int> kept() {
  auto rows = count_rows();
  in_flight.push_back(read_batch());
  int v = co_await compact(3);
  co_return v + co_await std::move(rows);
}
arrow::Future<int> returned() { return read_batch(); }
seastar::future<> chained() {
  return flush_memtable().then([] { return count_rows(); }).discard_result();
}
IAsyncAction awaited() { co_await save_async(); }

// Look-alikes whose names or members resemble futures: none is one.
template <class T> class Expected {
public:
  bool has_value() const;
  T &value();
  template <class F> auto and_then(F &&f) -> Expected<T>;
};
std::optional<int> maybe_rows();
std::unique_ptr<int> make_rows();
std::shared_ptr<int> share_rows();
Expected<int> parse_rows();
work::TaskQueue make_task_queue();
arrow::Result<int> checked_rows();

// Arrow's Submit wraps the future in a Result (as absl::StatusOr and
// std::expected can): dropping the wrapper drops the future.
void submit_and_forget(arrow::internal::ThreadPool *pool) {
  pool->Submit([] { return 1; });
  // CHECK-MESSAGES-INFER: :[[@LINE-1]]:3: warning: 'arrow::Result<arrow::Future<int>>' returned by '{{.*}}Submit' is discarded; its completion and errors are never observed; {{.*}}
  auto unused = pool->Submit([] { return 2; });
  // CHECK-MESSAGES-INFER: :[[@LINE-1]]:8: warning: 'unused' of type 'arrow::Result<arrow::Future<int>>' is never awaited, moved or passed on; {{.*}}
  auto kept = pool->Submit([] { return 3; });
  if (kept.ok())
    (void)kept.ValueOrDie().result();
}

void not_futures(work::TaskQueue &q, work::JobScheduler &jobs) {
  maybe_rows();
  make_rows();
  share_rows();
  parse_rows();
  make_task_queue();
  checked_rows();
  q.pop();
  jobs.Schedule(work::Job{"vacuum", 2}, std::chrono::seconds(1));
}

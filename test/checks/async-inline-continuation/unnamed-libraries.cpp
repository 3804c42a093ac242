// RUN: %check_async_tidy --check-suffixes=,INFER %s async-inline-continuation %t
// RUN: %check_async_tidy %s async-inline-continuation %t.off -- \
// RUN:   --config="{CheckOptions: {InferFutures: false, InferExecutors: false, InferPromises: false, InferTimers: false, InferLocks: false}}"

// Promises of libraries the tables do not name completed while a lock is
// held: the waiter's continuation runs inline under the lock.
// CHECK-MESSAGES-INFER lines need the structural inference (issue #17);
// plain CHECK-MESSAGES lines come from the tables (folly::Promise,
// std::lock_guard, absl::MutexLock).

#include <map>
#include <mutex>
#include <string>
#include <vector>
#include <absl/synchronization/mutex.h>
#include <arrow/util/future.h>
#include <folly/futures/Promise.h>
#include <seastar/core/future.hh>

std::mutex m;
absl::Mutex mu;

// --- Seastar: promise<T>::set_value resumes the waiter of get_future().
void seastar_complete(seastar::promise<int> &p) {
  std::lock_guard<std::mutex> guard(m);
  p.set_value(1);
  // CHECK-MESSAGES-INFER: :[[@LINE-1]]:5: warning: 'seastar::promise<int>::set_value' is called while lock 'guard' is held; {{.*}}
}
void seastar_complete_absl(seastar::promise<> &p) {
  absl::MutexLock lock(&mu);
  p.set_value();
  // CHECK-MESSAGES-INFER: :[[@LINE-1]]:5: warning: 'seastar::promise<>::set_value' is called while lock 'lock' is held; {{.*}}
}

// --- Arrow: the future is its own promise; MarkFinished runs the callbacks
// added with AddCallback/Then on this thread.
void arrow_complete(arrow::Future<int> &fut) {
  std::unique_lock<std::mutex> lk(m);
  fut.MarkFinished(arrow::Result<int>(42));
  // CHECK-MESSAGES-INFER: :[[@LINE-1]]:7: warning: 'arrow::Future<int>::MarkFinished' is called while lock 'lk' is held; {{.*}}
}
void arrow_complete_empty(arrow::Future<> &fut) {
  std::scoped_lock lock(m);
  fut.MarkFinished();
  // CHECK-MESSAGES-INFER: :[[@LINE-1]]:7: warning: 'arrow::Future<>::MarkFinished' is called while lock 'lock' is held; {{.*}}
}

// --- folly: Promise::setValue is in the tables; under a lock the tables do
// not name, it needs the lock inference.
void folly_complete(folly::Promise<int> &p) {
  std::lock_guard<std::mutex> guard(m);
  p.setValue(7);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'folly::Promise<int>::setValue' is called while lock 'guard' is held
}
void folly_complete_releasable(folly::Promise<int> &p) {
  absl::ReleasableMutexLock lock(&mu);
  p.setValue(8);
  // CHECK-MESSAGES-INFER: :[[@LINE-1]]:5: warning: 'folly::Promise<int>::setValue' is called while lock 'lock' is held; {{.*}}
}

// --- A home-made promise: SetResult on a class that hands out its future.
template <class T> class Future {
public:
  T Get();
  template <class F> void Then(F &&f) { (void)f; }
  bool IsReady() const;
};
template <class T> class Promise {
public:
  Future<T> GetFuture();
  void SetResult(T value);
};
void homemade_complete(Promise<int> &p) {
  std::lock_guard<std::mutex> guard(m);
  p.SetResult(200);
  // CHECK-MESSAGES-INFER: :[[@LINE-1]]:5: warning: 'Promise<int>::SetResult' is called while lock 'guard' is held; {{.*}}
}

// --- Completed after the lock is released: no warning.
void released(seastar::promise<int> &p, arrow::Future<int> &fut,
              folly::Promise<int> &fp) {
  {
    std::lock_guard<std::mutex> guard(m);
  }
  p.set_value(1);
  std::unique_lock<std::mutex> lk(m);
  lk.unlock();
  fut.MarkFinished(arrow::Result<int>(2));
  absl::ReleasableMutexLock lock(&mu);
  lock.Release();
  fp.setValue(3);
}

// Look-alikes: members named like completions on classes no future observes.
class Settings {
public:
  void set(const std::string &key, const std::string &value) { values_[key] = value; }
  void complete() { done_ = true; }

private:
  std::map<std::string, std::string> values_;
  bool done_ = false;
};
class Progress {
public:
  void MarkFinished() { finished_ = true; }
  void SetResult(int code) { code_ = code; }

private:
  bool finished_ = false;
  int code_ = 0;
};
void not_promises(Settings &s, Progress &p, std::vector<int> &v) {
  std::lock_guard<std::mutex> guard(m);
  s.set("k", "v");
  s.complete();
  p.MarkFinished();
  p.SetResult(0);
  v.push_back(1);
}

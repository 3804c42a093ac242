// RUN: %check_async_tidy %s async-detached-dangling-reference %t

// A blocking wait of the model's tables that waits for completion
// (QFuture::waitForFinished, QFuture::result, QThreadPool::waitForDone) is
// a join, like std::future::get: work whose future or pool the function
// waits for before the referents die may refer to them. Arguments left to
// their defaults count as none; a written timeout waits for less.

#include "QtConcurrent/QtConcurrent"
#include "QtCore/QFuture"
#include "QtCore/QPromise"

struct Request {
  int id;
};
void use(Request &);

void waited() {
  Request r;
  QFuture<void> f = QtConcurrent::run([&] { use(r); });
  f.waitForFinished();
}

int result_taken() {
  Request r;
  QFuture<int> f = QtConcurrent::run([&] { return r.id; });
  return f.result();
}

int result_at_once() {
  Request r;
  return QtConcurrent::run([&r] { return r.id; }).result();
}

void waited_at_once() {
  Request r;
  QtConcurrent::run([&] { use(r); }).waitForFinished();
}

void pool_waited(QThreadPool &pool) {
  Request r;
  QFuture<void> f = QtConcurrent::run(&pool, [&] { use(r); });
  pool.waitForDone();
}

// The work finishes a promise whose future the function waits for.
void promise_finished() {
  Request r;
  QPromise<int> promise;
  QFuture<void> f = QtConcurrent::run([&] {
    promise.start();
    promise.addResult(r.id);
    promise.finish();
  });
  promise.future().waitForFinished();
}

// The nearest true bugs.

// The work goes on using the request after finishing the promise.
void used_after_finish() {
  Request r;
  QPromise<int> promise;
  QFuture<void> f = QtConcurrent::run([&] {
    promise.start();
    promise.finish();
    use(r);
  });
  // CHECK-MESSAGES: :[[@LINE-4]]:5: warning: 'promise' is destroyed when its scope ends, but it is captured by reference in work detached by 'QtConcurrent::run'
  // CHECK-MESSAGES: :[[@LINE-3]]:9: warning: 'r' is destroyed when its scope ends, but it is captured by reference in work detached by 'QtConcurrent::run'
  promise.future().waitForFinished();
}

// Another promise is waited for.
void other_promise(QPromise<int> &other) {
  Request r;
  QPromise<int> promise;
  QFuture<void> f = QtConcurrent::run([&] {
    promise.addResult(r.id);
    promise.finish();
  });
  // CHECK-MESSAGES: :[[@LINE-3]]:5: warning: 'promise' is destroyed when its scope ends, but it is captured by reference in work detached by 'QtConcurrent::run'
  // CHECK-MESSAGES: :[[@LINE-4]]:23: warning: 'r' is destroyed when its scope ends, but it is captured by reference in work detached by 'QtConcurrent::run'
  other.future().waitForFinished();
}

// Another future is waited for.
void other_future(QFuture<void> other) {
  Request r;
  QFuture<void> f = QtConcurrent::run([&] { use(r); });
  // CHECK-MESSAGES: :[[@LINE-1]]:49: warning: 'r' is destroyed when its scope ends, but it is captured by reference in work detached by 'QtConcurrent::run'; copy or move it into the work, or share its ownership [async-detached-dangling-reference]
  other.waitForFinished();
}

// The pool is waited for with a timeout: the work may still run after.
void pool_timeout(QThreadPool &pool) {
  Request r;
  QFuture<void> f = QtConcurrent::run(&pool, [&] { use(r); });
  // CHECK-MESSAGES: :[[@LINE-1]]:56: warning: 'r' is destroyed when its scope ends, but it is captured by reference in work detached by 'QtConcurrent::run'
  pool.waitForDone(100);
}

// Another pool is waited for.
void other_pool(QThreadPool &pool, QThreadPool &other) {
  Request r;
  QFuture<void> f = QtConcurrent::run(&pool, [&] { use(r); });
  // CHECK-MESSAGES: :[[@LINE-1]]:56: warning: 'r' is destroyed when its scope ends, but it is captured by reference in work detached by 'QtConcurrent::run'
  other.waitForDone();
}

// isFinished() only polls.
void polled() {
  Request r;
  QFuture<void> f = QtConcurrent::run([&] { use(r); });
  // CHECK-MESSAGES: :[[@LINE-1]]:49: warning: 'r' is destroyed when its scope ends, but it is captured by reference in work detached by 'QtConcurrent::run'
  if (f.isFinished())
    return;
}

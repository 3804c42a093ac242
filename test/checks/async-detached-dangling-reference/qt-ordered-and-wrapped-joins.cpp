// RUN: %check_async_tidy %s async-detached-dangling-reference %t

// Joins that Qt coroutine code writes without naming the work, reduced from
// QCoro's tests (qcorotask.cpp, qcorothread.cpp, qfuture.cpp):
// - queued calls on one object's thread run in order: work queued before
//   the work that quits the loop has run when exec() returns;
// - the work may quit the loop through a local lambda it calls;
// - an awaited wrapper made from an object waits on it
//   ('co_await qCoro(promise.future())').

#include "QtCore/QEventLoop"
#include "QtCore/QFuture"
#include "QtCore/QMetaObject"
#include "QtCore/QPromise"
#include "QtCore/QThread"
#include "QtCore/QTimer"
#include "qcoro/qcorotask.h"
#include <memory>

// QCoro's wrappers: awaitables made from the object they wait on.
template <class T> struct QCoroFuture {
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<>) noexcept;
  T await_resume();
  QCoro::Task<T> takeResult();
};
template <class T> QCoroFuture<T> qCoro(const QFuture<T> &future);
struct QCoroThread {
  QCoro::Task<bool> waitForStarted();
};
QCoroThread qCoro(QThread *thread);

QCoro::Task<> timer();

void queued_in_order() {
  QEventLoop loop;
  bool first = false;
  bool second = false;
  QMetaObject::invokeMethod(&loop, [&] { first = true; }, Qt::QueuedConnection);
  QMetaObject::invokeMethod(
      &loop,
      [&] {
        second = true;
        loop.quit();
      },
      Qt::QueuedConnection);
  loop.exec();
}

// The loop is quit by a coroutine lambda the work calls.
void quits_one_call_deeper() {
  QEventLoop loop;
  bool done = false;
  const auto delayed = [&]() -> QCoro::Task<> {
    co_await timer();
    done = true;
    loop.quit();
  };
  QMetaObject::invokeMethod(&loop, [&]() { delayed(); }, Qt::QueuedConnection);
  loop.exec();
}

QCoro::Task<int> promise_through_wrapper(QObject *context) {
  QPromise<int> promise;
  int value = 42;
  QTimer::singleShot(10, context, [&promise, &value] {
    promise.addResult(value);
    promise.finish();
  });
  co_return co_await qCoro(promise.future()).takeResult();
}

// The work starts the thread whose start the coroutine awaits.
QCoro::Task<> thread_started() {
  std::unique_ptr<QThread> thread(new QThread);
  QTimer::singleShot(10, [&]() { thread->start(); });
  co_await qCoro(thread.get()).waitForStarted();
}

// The nearest true bugs.

// Queued after the work that quits the loop: it can still be pending when
// exec() returns.
void queued_after_quit() {
  QEventLoop loop;
  bool second = false;
  QMetaObject::invokeMethod(&loop, [&] { loop.quit(); }, Qt::QueuedConnection);
  QMetaObject::invokeMethod(&loop, [&] { second = true; }, Qt::QueuedConnection);
  // CHECK-MESSAGES: :[[@LINE-1]]:42: warning: 'second' is destroyed when its scope ends, but it is captured by reference in work detached by 'QMetaObject::invokeMethod'
  loop.exec();
}

// Queued on another object: no order between the two.
void queued_elsewhere(QObject *other) {
  QEventLoop loop;
  bool first = false;
  QMetaObject::invokeMethod(other, [&] { first = true; }, Qt::QueuedConnection);
  // CHECK-MESSAGES: :[[@LINE-1]]:42: warning: 'first' is destroyed when its scope ends, but it is captured by reference in work detached by 'QMetaObject::invokeMethod'
  QMetaObject::invokeMethod(&loop, [&] { loop.quit(); }, Qt::QueuedConnection);
  loop.exec();
}

// The called lambda goes on using its references after quitting.
void uses_after_deeper_quit() {
  QEventLoop loop;
  bool done = false;
  const auto delayed = [&]() {
    loop.quit();
    done = true;
  };
  QMetaObject::invokeMethod(&loop, [&]() { delayed(); }, Qt::QueuedConnection);
  // CHECK-MESSAGES: :[[@LINE-1]]:44: warning: 'delayed' is destroyed when its scope ends, but it is captured by reference in work detached by 'QMetaObject::invokeMethod'
  loop.exec();
}

// The wrapper is made but not awaited: nothing waits.
QCoro::Task<> wrapper_not_awaited(QObject *context) {
  QPromise<int> promise;
  QTimer::singleShot(10, context, [&promise] { promise.finish(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:37: warning: 'promise' is destroyed when its scope ends, but it is captured by reference in work detached by 'QTimer::singleShot'
  qCoro(promise.future());
  co_await timer();
}

// The coroutine awaits the start of another thread.
QCoro::Task<> other_thread_started(QThread *other) {
  std::unique_ptr<QThread> thread(new QThread);
  QTimer::singleShot(10, [&]() { thread->start(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:34: warning: 'thread' is destroyed when its scope ends, but it is captured by reference in work detached by 'QTimer::singleShot'
  co_await qCoro(other).waitForStarted();
}

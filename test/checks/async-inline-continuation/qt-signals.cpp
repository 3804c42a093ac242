// RUN: %check_async_tidy %s async-inline-continuation %t

// A Qt signal of an object that lives on the coroutine's thread (a timer,
// the awaited object itself) is emitted from that thread's event loop: a
// coroutine resumed in a slot connected to it continues on its own thread.
// Reduced from QCoro (qcorotimer.cpp, examples/basics/await-async-string.cpp).

#include "QtCore/QObject"
#include "QtCore/QThread"
#include "QtCore/QTimer"
#include <coroutine>

class FutureString : public QObject {
public:
  void ready();
  bool isReady() const;
};

// The timer's timeout comes from the timer's own thread.
struct WaitForTimeout {
  QTimer *Timer;
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<> h) {
    QObject::connect(Timer, &QTimer::timeout, [h]() mutable { h.resume(); });
  }
  void await_resume() const noexcept {}
};

// A signal of the awaited object, with a context object.
struct FutureStringAwaiter {
  FutureString *Future;
  bool await_ready() noexcept { return Future->isReady(); }
  void await_suspend(std::coroutine_handle<> h) noexcept {
    QObject::connect(Future, &FutureString::ready, Future,
                     [h]() mutable { h.resume(); });
  }
  void await_resume() noexcept {}
};

// The nearest true bugs: the signal comes from another thread.

// QThread's started/finished are emitted by the new thread.
struct WaitForThread {
  QThread *Thread;
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<> h) {
    QObject::connect(Thread, &QThread::finished, [h]() mutable { h.resume(); });
    // CHECK-MESSAGES: :[[@LINE-1]]:68: warning: coroutine resumed inline inside a callback handed to 'QObject::connect'; it continues on that subsystem's thread; post the resumption to the coroutine's executor instead
    // CHECK-MESSAGES: :[[@LINE-2]]:5: note: the callback is registered here
  }
  void await_resume() const noexcept {}
};

// An object moved to a worker thread emits its signals there.
class Worker : public QObject {
public:
  void done();
};
struct WaitForWorker {
  Worker *Work;
  QThread *Thread;
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<> h) {
    Work->moveToThread(Thread);
    QObject::connect(Work, &Worker::done, [h]() mutable { h.resume(); });
    // CHECK-MESSAGES: :[[@LINE-1]]:61: warning: coroutine resumed inline inside a callback handed to 'QObject::connect'; it continues on that subsystem's thread
    // CHECK-MESSAGES: :[[@LINE-2]]:5: note: the callback is registered here
  }
  void await_resume() const noexcept {}
};

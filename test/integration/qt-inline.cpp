// Qt 6 from Debian (qt6-base-dev): awaiters that resume their coroutine in
// a slot connected to a Qt signal. A timer's timeout comes from the timer's
// own thread's event loop, so resuming there is no foreign thread; a
// QThread's finished() comes from the new thread, and an object moved to
// another thread emits there.
// REQUIRES: qt6
// RUN: %check_async_tidy --no-mocks %s async-inline-continuation %t -- -- -std=c++20 %qt6_flags

#include <QObject>
#include <QThread>
#include <QTimer>
#include <coroutine>

struct WaitForTimeout {
  QTimer *Timer;
  bool await_ready() const noexcept { return !Timer->isActive(); }
  void await_suspend(std::coroutine_handle<> h) {
    QObject::connect(Timer, &QTimer::timeout, [h]() mutable { h.resume(); });
  }
  void await_resume() const noexcept {}
};

struct WaitForFinished {
  QThread *Thread;
  bool await_ready() const noexcept { return Thread->isFinished(); }
  void await_suspend(std::coroutine_handle<> h) {
    QObject::connect(Thread, &QThread::finished, [h]() mutable { h.resume(); });
    // CHECK-MESSAGES: :[[@LINE-1]]:68: warning: coroutine resumed inline inside a callback handed to 'QObject::connect'; it continues on that subsystem's thread
    // CHECK-MESSAGES: :[[@LINE-2]]:5: note: the callback is registered here
  }
  void await_resume() const noexcept {}
};

struct WaitForMovedTimer {
  QTimer *Timer;
  QThread *Thread;
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<> h) {
    Timer->moveToThread(Thread);
    QObject::connect(Timer, &QTimer::timeout, [h]() mutable { h.resume(); });
    // CHECK-MESSAGES: :[[@LINE-1]]:65: warning: coroutine resumed inline inside a callback handed to 'QObject::connect'; it continues on that subsystem's thread
    // CHECK-MESSAGES: :[[@LINE-2]]:5: note: the callback is registered here
  }
  void await_resume() const noexcept {}
};

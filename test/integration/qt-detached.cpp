// Qt 6 from Debian (qt6-base-dev): work handed to QTimer::singleShot,
// QMetaObject::invokeMethod and QtConcurrent::run with references to locals,
// on the real headers (functors taken by value, enable_if overload sets,
// the QThreadPool overloads of run). The negatives are the joins and
// cancellations the mocks model: an event loop the work quits, a context
// object that dies first, a future waited for.
// REQUIRES: qt6
// RUN: %check_async_tidy --no-mocks %s async-detached-dangling-reference %t -- -- -std=c++20 %qt6_flags

#include <QApplication>
#include <QCoreApplication>
#include <QDialog>
#include <QEventLoop>
#include <QFuture>
#include <QMetaObject>
#include <QObject>
#include <QThreadPool>
#include <QTimer>
#include <QtConcurrent>
#include <chrono>

using namespace std::chrono_literals;

struct Request {
  int id;
};
void use(Request &);

// Positives.

void timer_no_context() {
  Request r;
  QTimer::singleShot(10, [&] { use(r); });
  // CHECK-MESSAGES: :[[@LINE-1]]:36: warning: 'r' is destroyed when its scope ends, but it is captured by reference in work detached by 'QTimer::singleShot'; copy or move it into the work, or share its ownership [async-detached-dangling-reference]
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: the work is detached here
}

// A std::chrono duration and a timer type select other overloads.
void timer_duration() {
  Request r;
  QTimer::singleShot(10ms, Qt::PreciseTimer, [&r] { use(r); });
  // CHECK-MESSAGES: :[[@LINE-1]]:48: warning: 'r' is destroyed when its scope ends, but it is captured by reference in work detached by 'QTimer::singleShot'
}

// The context is 'this', which outlives the local.
class Client : public QObject {
public:
  void start() {
    Request r;
    QTimer::singleShot(10, this, [&] { use(r); });
    // CHECK-MESSAGES: :[[@LINE-1]]:44: warning: 'r' is destroyed when its scope ends, but it is captured by reference in work detached by 'QTimer::singleShot'
    QMetaObject::invokeMethod(this, [&] { use(r); }, Qt::QueuedConnection);
    // CHECK-MESSAGES: :[[@LINE-1]]:47: warning: 'r' is destroyed when its scope ends, but it is captured by reference in work detached by 'QMetaObject::invokeMethod'
  }
};

// The application object lives on.
void invoke_on_app() {
  Request r;
  QMetaObject::invokeMethod(
      QCoreApplication::instance(), [&] { use(r); }, Qt::QueuedConnection);
  // CHECK-MESSAGES: :[[@LINE-1]]:47: warning: 'r' is destroyed when its scope ends, but it is captured by reference in work detached by 'QMetaObject::invokeMethod'
}

// The pool runs the work after the function returned; nobody waits for
// the future.
void concurrent_dropped() {
  Request r;
  auto f = QtConcurrent::run([&] { use(r); });
  // CHECK-MESSAGES: :[[@LINE-1]]:40: warning: 'r' is destroyed when its scope ends, but it is captured by reference in work detached by 'QtConcurrent::run'
}

void concurrent_pool(QThreadPool *pool) {
  Request r;
  auto f = QtConcurrent::run(pool, [&r] { use(r); });
  // CHECK-MESSAGES: :[[@LINE-1]]:38: warning: 'r' is destroyed when its scope ends, but it is captured by reference in work detached by 'QtConcurrent::run'
}

// Arguments are copied into the task; std::ref hands the local itself.
void concurrent_ref() {
  Request r;
  auto f = QtConcurrent::run([](Request &q) { use(q); }, std::ref(r));
  // CHECK-MESSAGES: :[[@LINE-1]]:58: warning: 'r' is destroyed when its scope ends, but a reference to it is passed to work detached by 'QtConcurrent::run'
}

// Negatives: joins and cancellations.

void quits_local_loop() {
  Request r;
  QEventLoop loop;
  QTimer::singleShot(10, [&] {
    use(r);
    loop.quit();
  });
  loop.exec();
}

int main(int argc, char **argv) {
  QApplication app(argc, argv);
  Request r;
  QTimer::singleShot(0, [&] {
    use(r);
    QCoreApplication::quit();
  });
  return app.exec();
}

int core_main(int argc, char **argv) {
  QCoreApplication app(argc, argv);
  Request r;
  QTimer::singleShot(0, [&] {
    use(r);
    app.quit();
  });
  return QCoreApplication::exec();
}

int dialog() {
  Request r;
  QDialog dialog;
  QTimer::singleShot(10, [&] {
    use(r);
    dialog.accept();
  });
  return dialog.exec();
}

void guarded_timer() {
  Request r;
  QObject guard;
  QTimer::singleShot(10, &guard, [&] { use(r); });
  QTimer::singleShot(10ms, Qt::CoarseTimer, &guard, [&] { use(r); });
}

void guarded_invoke() {
  Request r;
  QObject context;
  QMetaObject::invokeMethod(
      &context, [&] { use(r); }, Qt::QueuedConnection);
}

void connected(QTimer &timer) {
  Request r;
  QObject guard;
  QObject::connect(&timer, &QTimer::timeout, &guard, [&] { use(r); });
}

void concurrent_waited() {
  Request r;
  QFuture<void> f = QtConcurrent::run([&] { use(r); });
  f.waitForFinished();
}

int concurrent_result() {
  Request r;
  QFuture<int> f = QtConcurrent::run([&] { return r.id; });
  return f.result();
}

void pool_waited(QThreadPool &pool) {
  Request r;
  auto f = QtConcurrent::run(&pool, [&] { use(r); });
  pool.waitForDone();
}

// By value: nothing refers to the local.
void concurrent_by_value() {
  Request r;
  auto f = QtConcurrent::run([r]() mutable { use(r); });
  QTimer::singleShot(10, [r]() mutable { use(r); });
}

// Queued in order on the loop's thread before the work that quits the
// loop: it has run when exec() returns (QCoro's tests).
void queued_before_quit() {
  QEventLoop loop;
  Request r;
  QMetaObject::invokeMethod(&loop, [&] { use(r); }, Qt::QueuedConnection);
  QMetaObject::invokeMethod(&loop, [&] { loop.quit(); }, Qt::QueuedConnection);
  loop.exec();
}

// Queued after it: it may still be pending.
void queued_after_quit() {
  QEventLoop loop;
  Request r;
  QMetaObject::invokeMethod(&loop, [&] { loop.quit(); }, Qt::QueuedConnection);
  QMetaObject::invokeMethod(&loop, [&] { use(r); }, Qt::QueuedConnection);
  // CHECK-MESSAGES: :[[@LINE-1]]:46: warning: 'r' is destroyed when its scope ends, but it is captured by reference in work detached by 'QMetaObject::invokeMethod'
  loop.exec();
}

// Qt 6 from Debian (qt6-base-dev): blocking inside work handed to
// QtConcurrent::run (Qt's pool for work kept off the event loop) is what
// the advice asks for; the same calls in work the event loop runs
// (QTimer::singleShot, QMetaObject::invokeMethod) block it.
// REQUIRES: qt6
// RUN: %check_async_tidy --no-mocks %s async-blocking-call %t -- -- -std=c++20 %qt6_flags

#include <QCoreApplication>
#include <QMetaObject>
#include <QThread>
#include <QThreadPool>
#include <QTimer>
#include <QtConcurrent>
#include <chrono>
#include <fstream>
#include <string>
#include <thread>

using namespace std::chrono_literals;

int parse(std::ifstream &);

// Offloaded: the global pool, a pool of the caller's, arguments copied in.
QFuture<int> load(std::string path) {
  return QtConcurrent::run([path] {
    std::ifstream input;
    input.open(path);
    QThread::msleep(5);
    return parse(input);
  });
}

QFuture<void> nap(QThreadPool *pool) {
  return QtConcurrent::run(pool, [](int ms) {
    std::this_thread::sleep_for(std::chrono::milliseconds(ms));
  }, 5);
}

// The nearest true bugs: the event loop's own thread runs the work.
void on_timer(std::string path) {
  QTimer::singleShot(0, [path] {
    std::ifstream input;
    input.open(path);
    // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: blocking call 'std::ifstream::open' inside a lambda run by 'QTimer::singleShot'
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the lambda is run by 'QTimer::singleShot' here
  });
}

void on_loop() {
  QMetaObject::invokeMethod(
      QCoreApplication::instance(), [] { QThread::sleep(1); },
      Qt::QueuedConnection);
  // CHECK-MESSAGES: :[[@LINE-2]]:42: warning: blocking call 'QThread::sleep' inside a lambda run by 'QMetaObject::invokeMethod'
}

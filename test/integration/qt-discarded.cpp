// Qt 6 from Debian (qt6-base-dev): a QFuture that nobody keeps.
// REQUIRES: qt6
// RUN: %check_async_tidy --no-mocks %s async-discarded-task %t -- -- -std=c++20 %qt6_flags

#include <QFuture>
#include <QFutureWatcher>
#include <QtConcurrent>

QFuture<int> compute();
int work();

void dropped() {
  compute();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'QFuture<int>' returned by 'compute' is discarded; its completion and errors are never observed; await it, keep it, or hand it to something that runs it [async-discarded-task]
  compute().then([](int v) { return v + 1; });
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'QFuture<int>' returned by 'QFuture<int>::then
}

// Watched, waited for, or kept and chained: observed.
void kept(QFutureWatcher<int> &watcher) {
  QFuture<int> f = compute();
  watcher.setFuture(f);
  watcher.setFuture(compute());
  QFuture<int> g = compute();
  watcher.setFuture(g.then([](int v) { return v + 1; }));
  compute().waitForFinished();
  int v = QtConcurrent::run(work).result();
  (void)v;
}

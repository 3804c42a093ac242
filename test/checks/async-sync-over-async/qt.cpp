// RUN: %check_async_tidy %s async-sync-over-async %t

#include "QtConcurrent/QtConcurrent"

int slow();

void from_pool(QFuture<int> other) {
  QtConcurrent::run([other]() mutable {
    other.waitForFinished();
    // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: blocking wait 'QFuture<int>::waitForFinished' inside a lambda run by 'QtConcurrent::run'; react to completion with 'then' or a QFutureWatcher [async-sync-over-async]
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the lambda is run by 'QtConcurrent::run' here
    return other.result();
    // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: blocking wait 'QFuture<int>::result' inside a lambda run by 'QtConcurrent::run'
    // CHECK-MESSAGES: :[[@LINE-6]]:3: note: the lambda is run by 'QtConcurrent::run' here
  });
}

// A continuation that takes the future gets it finished; polling first is
// fine too.
void continuation(QFuture<int> f) {
  f.then([](QFuture<int> done) { return done.result() * 2; });
  QtConcurrent::run([f]() {
    if (f.isFinished())
      return f.result();
    return 0;
  });
}

int main() {
  QFuture<int> f = QtConcurrent::run(slow);
  f.waitForFinished();
  return f.result();
}

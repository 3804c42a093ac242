// RUN: %check_async_tidy %s async-detached-dangling-reference %t

// Running the event loop that runs the work is a join when the work quits
// the loop as its last act: exec() returns only once the loop is quit, and
// the work has then run. The run must follow the scheduling call in the
// block that starts the work, and come before the referents die.

#include "QtCore/QCoreApplication"
#include "QtCore/QEventLoop"
#include "QtCore/QThread"
#include "QtCore/QTimer"
#include "QtWidgets/QApplication"
#include "QtWidgets/QDialog"
#include "boost/asio.hpp"

struct Request {
  int id;
};
void use(Request &);

// The work quits the local loop the function then runs.
void quits_local_loop() {
  Request r;
  QEventLoop loop;
  QTimer::singleShot(10, [&] {
    use(r);
    loop.quit();
  });
  loop.exec();
}

// exit() quits it too, and the run may be in a declaration.
int exits_local_loop() {
  Request r;
  QEventLoop loop;
  QTimer::singleShot(10, Qt::CoarseTimer, [&r, &loop] {
    use(r);
    loop.exit(r.id);
  });
  int status = loop.exec();
  return status;
}

// The application's loop is static: quit and exec through the class or an
// object of a derived class are the same loop.
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

// A modal dialog's exec() runs a nested event loop until the dialog is done.
int dialog() {
  Request r;
  QDialog dialog;
  QTimer::singleShot(10, [&] {
    use(r);
    dialog.accept();
  });
  return dialog.exec();
}

// Both the start and the run in the same branch.
void same_branch(bool wait) {
  Request r;
  QEventLoop loop;
  if (wait) {
    QTimer::singleShot(10, [&] {
      use(r);
      loop.quit();
    });
    loop.exec();
  }
}

// Boost.Asio: io_context::run stays a join of the work posted to it.
void asio_run() {
  boost::asio::io_context ioc;
  Request r;
  boost::asio::post(ioc, [&] { use(r); });
  ioc.run();
}

// The nearest true bugs.

// The loop runs after the referent died: the timer fires in a later loop.
void runs_after_scope() {
  QEventLoop loop;
  {
    Request r;
    QTimer::singleShot(10, [&] {
      use(r);
      loop.quit();
    });
    // CHECK-MESSAGES: :[[@LINE-3]]:11: warning: 'r' is destroyed when its scope ends, but it is captured by reference in work detached by 'QTimer::singleShot'; copy or move it into the work, or share its ownership [async-detached-dangling-reference]
    // CHECK-MESSAGES: :[[@LINE-5]]:5: note: the work is detached here
    // CHECK-MESSAGES: :[[@LINE-7]]:13: note: 'r' is declared here
    // CHECK-MESSAGES: :[[@LINE+1]]:3: note: 'r' is destroyed here
  }
  loop.exec();
}

// The loop runs in the other branch than the one that starts the work.
void other_branch(bool now) {
  Request r;
  QEventLoop loop;
  if (now)
    QTimer::singleShot(10, [&] {
      use(r);
      loop.quit();
    });
  // CHECK-MESSAGES: :[[@LINE-3]]:11: warning: 'r' is destroyed when its scope ends, but it is captured by reference in work detached by 'QTimer::singleShot'; copy or move it into the work, or share its ownership [async-detached-dangling-reference]
  // CHECK-MESSAGES: :[[@LINE-3]]:7: warning: 'loop' is destroyed when its scope ends, but it is captured by reference in work detached by 'QTimer::singleShot'
  else
    loop.exec();
}

// The loop may not run at all.
void conditional_run(bool wait) {
  Request r;
  QEventLoop loop;
  QTimer::singleShot(10, [&] {
    use(r);
    loop.quit();
  });
  // CHECK-MESSAGES: :[[@LINE-3]]:9: warning: 'r' is destroyed when its scope ends, but it is captured by reference in work detached by 'QTimer::singleShot'
  // CHECK-MESSAGES: :[[@LINE-3]]:5: warning: 'loop' is destroyed when its scope ends, but it is captured by reference in work detached by 'QTimer::singleShot'
  if (wait)
    loop.exec();
}

// Something else quits the loop: exec() can return before the work ran,
// which then runs in a later loop.
void quit_by_other(QEventLoop &outer) {
  Request r;
  QEventLoop loop;
  QTimer::singleShot(10, [&] { use(r); });
  // CHECK-MESSAGES: :[[@LINE-1]]:36: warning: 'r' is destroyed when its scope ends, but it is captured by reference in work detached by 'QTimer::singleShot'
  QTimer::singleShot(5, [&loop] { loop.quit(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: 'loop' is destroyed when its scope ends, but it is captured by reference in work detached by 'QTimer::singleShot'
  outer.exec();
}

// The work quits another loop than the one the function runs.
void quits_other_loop() {
  Request r;
  QEventLoop first;
  QEventLoop second;
  QTimer::singleShot(10, [&] {
    use(r);
    first.quit();
  });
  // CHECK-MESSAGES: :[[@LINE-3]]:9: warning: 'r' is destroyed when its scope ends, but it is captured by reference in work detached by 'QTimer::singleShot'
  // CHECK-MESSAGES: :[[@LINE-3]]:5: warning: 'first' is destroyed when its scope ends, but it is captured by reference in work detached by 'QTimer::singleShot'
  second.exec();
}

// The work uses its reference after quitting: exec() may already have
// returned.
void uses_after_quit() {
  Request r;
  QEventLoop loop;
  QTimer::singleShot(10, [&] {
    loop.quit();
    use(r);
  });
  // CHECK-MESSAGES: :[[@LINE-3]]:5: warning: 'loop' is destroyed when its scope ends, but it is captured by reference in work detached by 'QTimer::singleShot'
  // CHECK-MESSAGES: :[[@LINE-3]]:9: warning: 'r' is destroyed when its scope ends, but it is captured by reference in work detached by 'QTimer::singleShot'
  loop.exec();
}

// QThread::exec is not in the table of event loop runs: the work stays
// reported (a conservative limit; from run() it runs the loop of the
// thread that queued the work).
class Worker : public QThread {
  void run() override {
    Request r;
    QTimer::singleShot(10, [&] {
      use(r);
      quit();
    });
    // CHECK-MESSAGES: :[[@LINE-3]]:11: warning: 'r' is destroyed when its scope ends, but it is captured by reference in work detached by 'QTimer::singleShot'
    exec();
  }
};

// A member named exec of an unrelated class is no event loop.
struct Transaction {
  int exec();
  void quit();
};
void unrelated_exec() {
  Request r;
  Transaction work;
  QTimer::singleShot(10, [&] {
    use(r);
    work.quit();
  });
  // CHECK-MESSAGES: :[[@LINE-3]]:9: warning: 'r' is destroyed when its scope ends, but it is captured by reference in work detached by 'QTimer::singleShot'
  // CHECK-MESSAGES: :[[@LINE-3]]:5: warning: 'work' is destroyed when its scope ends, but it is captured by reference in work detached by 'QTimer::singleShot'
  work.exec();
}

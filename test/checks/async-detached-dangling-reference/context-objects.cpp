// RUN: %check_async_tidy %s async-detached-dangling-reference %t

// Qt ties work to a context object (QTimer::singleShot(ms, context, f),
// QMetaObject::invokeMethod(context, f), connect(sender, signal, context,
// f)) and drops the work when the context is destroyed. The context is no
// dangling reference, and a local context that dies before what the work
// captures protects it.

#include "QtCore/QMetaObject"
#include "QtCore/QObject"
#include "QtCore/QTimer"

struct Request {
  int id;
};
void use(Request &);

// The guard is declared after the request: it dies first and drops the
// work.
void guarded_timer() {
  Request r;
  QObject guard;
  QTimer::singleShot(10, &guard, [&] { use(r); });
}

// With a timer type, and a context of a class derived from QObject.
void guarded_by_timer() {
  Request r;
  QTimer guard;
  QTimer::singleShot(10, Qt::PreciseTimer, &guard, [&r] { use(r); });
}

// invokeMethod queued to a local context; the work may refer to the
// context itself.
void guarded_invoke() {
  Request r;
  QObject context;
  QMetaObject::invokeMethod(
      &context, [&] {
        use(r);
        context.deleteLater();
      },
      Qt::QueuedConnection);
}

// The context in an inner scope dies before the outer request.
void inner_guard() {
  Request r;
  {
    QObject guard;
    QTimer::singleShot(10, &guard, [&] { use(r); });
  }
}

// A pointer to a member function with its receiver: the receiver is the
// context.
struct Handler : QObject {
  void onTimeout();
};
void receiver_slot() {
  Handler handler;
  QTimer::singleShot(10, &handler, &Handler::onTimeout);
}

// connect() with a context is no detached work of this function.
void connected(QTimer &timer) {
  Request r;
  QObject guard;
  QObject::connect(&timer, &QTimer::timeout, &guard, [&] { use(r); });
}

// The nearest true bugs.

// The context is 'this', which outlives the local.
struct Client : QObject {
  void start() {
    Request r;
    QTimer::singleShot(10, this, [&] { use(r); });
    // CHECK-MESSAGES: :[[@LINE-1]]:44: warning: 'r' is destroyed when its scope ends, but it is captured by reference in work detached by 'QTimer::singleShot'; copy or move it into the work, or share its ownership [async-detached-dangling-reference]
    // CHECK-MESSAGES: :[[@LINE-2]]:5: note: the work is detached here
    // CHECK-MESSAGES: :[[@LINE-4]]:13: note: 'r' is declared here
    // CHECK-MESSAGES: :[[@LINE+1]]:3: note: 'r' is destroyed here
  }
};

// A context on the heap is not destroyed with the scope.
void heap_context() {
  Request r;
  QObject *guard = new QObject;
  QTimer::singleShot(10, guard, [&] { use(r); });
  // CHECK-MESSAGES: :[[@LINE-1]]:43: warning: 'r' is destroyed when its scope ends, but it is captured by reference in work detached by 'QTimer::singleShot'
}

// The context is declared before the request in an enclosing scope: the
// request dies at the inner brace while the context, and the work, live
// on; any event loop run before the outer brace runs the work.
void guard_outlives() {
  QObject guard;
  {
    Request r;
    QTimer::singleShot(10, &guard, [&] { use(r); });
    // CHECK-MESSAGES: :[[@LINE-1]]:46: warning: 'r' is destroyed when its scope ends, but it is captured by reference in work detached by 'QTimer::singleShot'
  }
}

// Declared before the request in the same scope: the request dies first,
// then whatever is declared between them, whose destructor may run the
// event loop, then the guard. Reported, as for an I/O object declared
// before the captured variable: the canceller must be declared after it.
void guard_declared_first() {
  QObject guard;
  Request r;
  QTimer::singleShot(10, &guard, [&] { use(r); });
  // CHECK-MESSAGES: :[[@LINE-1]]:44: warning: 'r' is destroyed when its scope ends, but it is captured by reference in work detached by 'QTimer::singleShot'
}

// No context: the work runs whenever the thread's loop next runs.
void no_context() {
  Request r;
  QObject guard;
  QTimer::singleShot(10, [&] { use(r); });
  // CHECK-MESSAGES: :[[@LINE-1]]:36: warning: 'r' is destroyed when its scope ends, but it is captured by reference in work detached by 'QTimer::singleShot'
}

// The address of a local passed as data, not as a context, is still a
// reference of the work.
void address_as_data() {
  Request r;
  QMetaObject::invokeMethod(nullptr, [p = &r] { use(*p); });
  // CHECK-MESSAGES: :[[@LINE-1]]:43: warning: 'r' is destroyed when its scope ends, but its address is passed to work detached by 'QMetaObject::invokeMethod'
}

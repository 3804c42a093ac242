// RUN: %check_async_tidy --check-suffixes=INFER %s async-undisposed-timeout %t
// RUN: %check_async_tidy %s async-undisposed-timeout %t.off -- \
// RUN:   --config="{CheckOptions: {InferFutures: false, InferExecutors: false, InferPromises: false, InferTimers: false, InferLocks: false}}"

// Timers the tables do not name (seastar::timer, and classes that own one)
// armed as a timeout for an operation and not cancelled when the operation
// completes first. All expected warnings need the structural inference
// (issue #17): with it switched off the file must be silent. The warning is
// expected on the arming call (arm), the seastar counterpart of asio's
// async_wait.

#include <chrono>
#include <functional>
#include <seastar/core/coroutine.hh>
#include <seastar/core/future.hh>
#include <seastar/core/timer.hh>

using namespace std::chrono_literals;

class Connection {
public:
  seastar::future<int> read();
  void shutdown();
};

class Client {
public:
  // The timer shuts the connection down after 5s; nothing cancels it when
  // the read wins, so it fires in the middle of a later read.
  void read_with_timeout() {
    timer_.set_callback([this] { conn_.shutdown(); });
    timer_.arm(5s);
    // CHECK-MESSAGES-INFER: :[[@LINE-1]]:12: warning: timer 'timer_' is armed as a timeout for 'conn_' but is not cancelled when the operation completes first; {{.*}}
    (void)conn_.read().then([this](int n) { on_read(n); });
  }

  // Cancelled when the read completes.
  void read_cancelled() {
    timer_.set_callback([this] { conn_.shutdown(); });
    timer_.arm(5s);
    (void)conn_.read().then([this](int n) {
      timer_.cancel();
      on_read(n);
    });
  }

  // A periodic timer re-arms itself by design.
  void keepalive() {
    timer_.set_callback([this] { (void)conn_.read(); });
    timer_.arm_periodic(30s);
  }

private:
  void on_read(int n);
  seastar::timer<> timer_;
  Connection conn_;
};

// Coroutines: a local timer that dies right after the read is cancelled by
// its destructor; one that lives across the next co_await is not.
seastar::future<> coroutine_timeout(Connection &c) {
  seastar::timer<> t([&c] { c.shutdown(); });
  t.arm(5s);
  // CHECK-MESSAGES-INFER: :[[@LINE-1]]:5: warning: timer 't' is armed as a timeout for 'c'{{.*}}
  (void)co_await c.read();
  (void)co_await c.read();
}
seastar::future<> coroutine_cancelled(Connection &c) {
  seastar::timer<> t([&c] { c.shutdown(); });
  t.arm(5s);
  (void)co_await c.read();
  t.cancel();
  (void)co_await c.read();
}
seastar::future<> coroutine_scoped(Connection &c) {
  seastar::timer<> t([&c] { c.shutdown(); });
  t.arm(5s);
  (void)co_await c.read();
}

// A class that owns a timer and exposes arm/cancel: a timer by shape.
class Deadline {
public:
  template <class F> void arm(std::chrono::milliseconds after, F &&on_expiry) {
    t_.set_callback(std::forward<F>(on_expiry));
    t_.arm(after);
  }
  void cancel() { t_.cancel(); }

private:
  seastar::timer<> t_;
};

class Fetcher {
public:
  void fetch() {
    deadline_.arm(2s, [this] { conn_.shutdown(); });
    // CHECK-MESSAGES-INFER: :[[@LINE-1]]:15: warning: timer 'deadline_' is armed as a timeout for 'conn_' but is not cancelled when the operation completes first; {{.*}}
    (void)conn_.read().then([this](int n) { last_ = n; });
  }
  void fetch_cancelled() {
    deadline_.arm(2s, [this] { conn_.shutdown(); });
    (void)conn_.read().then([this](int n) {
      deadline_.cancel();
      last_ = n;
    });
  }

private:
  Deadline deadline_;
  Connection conn_;
  int last_ = 0;
};

// A wrapper whose destructor cancels the timer, scoped to the operation.
class Watchdog {
public:
  template <class F> Watchdog(std::chrono::milliseconds after, F &&on_expiry) {
    t_.set_callback(std::forward<F>(on_expiry));
    t_.arm(after);
  }
  ~Watchdog() { t_.cancel(); }

private:
  seastar::timer<> t_;
};
seastar::future<int> guarded_read(Connection &c) {
  int n = 0;
  {
    Watchdog dog(3s, [&c] { c.shutdown(); });
    n = co_await c.read();
  }
  n += co_await c.read();
  co_return n;
}

// arm()/cancel() on something that runs no callback and measures no time.
class Fuse {
public:
  void arm() { armed_ = true; }
  void cancel() { armed_ = false; }
  bool armed() const { return armed_; }

private:
  bool armed_ = false;
};
seastar::future<> not_a_timer(Connection &c, Fuse &fuse) {
  fuse.arm();
  (void)co_await c.read();
  (void)co_await c.read();
}

// A home-made timer: a duration, a callable and 'stop' make it one.
class Timer {
public:
  void start(std::chrono::milliseconds after, std::function<void()> fire);
  void stop();
};
class Session {
public:
  void request() {
    timer_.start(std::chrono::milliseconds(500), [this] { conn_.shutdown(); });
    // CHECK-MESSAGES-INFER: :[[@LINE-1]]:12: warning: timer 'timer_' is armed as a timeout for 'conn_'{{.*}}
    (void)conn_.read().then([this](int n) { last_ = n; });
  }
  void request_stopped() {
    timer_.start(std::chrono::milliseconds(500), [this] { conn_.shutdown(); });
    (void)conn_.read().then([this](int n) {
      timer_.stop();
      last_ = n;
    });
  }

private:
  Timer timer_;
  Connection conn_;
  int last_ = 0;
};

// The callback is given where the member is built, the timer is armed
// elsewhere.
class Poller {
public:
  Poller() : timer_([this] { conn_.shutdown(); }) {}
  void poll() {
    timer_.arm(1s);
    // CHECK-MESSAGES-INFER: :[[@LINE-1]]:12: warning: timer 'timer_' is armed as a timeout for 'conn_'{{.*}}
    (void)conn_.read().then([this](int n) { last_ = n; });
  }
  // Armed with a period: fires again and again by design.
  void poll_every_second() {
    timer_.arm(seastar::timer<>::clock::now() + 1s, {1s});
    (void)conn_.read().then([this](int n) { last_ = n; });
  }

private:
  seastar::timer<> timer_;
  Connection conn_;
  int last_ = 0;
};

// A future with a timed wait and a cancel is not a timer: its continuation
// is not a timeout handler.
template <class T> class Pending {
public:
  template <class F> void then(F &&f) { f(T()); }
  T get();
  bool wait_for(std::chrono::milliseconds timeout);
  void cancel();
};
seastar::future<> not_a_timer_either(Connection &c, Pending<int> &p) {
  p.then([&c](int) { c.shutdown(); });
  p.wait_for(std::chrono::milliseconds(10));
  (void)co_await c.read();
  (void)co_await c.read();
}

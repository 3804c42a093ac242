// RUN: %check_async_tidy %s async-inline-continuation %t -- \
// RUN:   --config="{CheckOptions: {CompletionCallbacks: 'net::Poller::on_readable', \
// RUN:     async-inline-continuation.ResumeExecutors: 'app::Loop::schedule', \
// RUN:     LockTypes: 'app::Guard'}}"

#include <coroutine>
#include <future>

namespace net {
struct Poller {
  template <class F> void on_readable(int fd, F f) {}
};
} // namespace net

namespace app {
struct Loop {
  template <class F> void schedule(F f) {}
};
struct Guard {
  Guard();
  ~Guard();
};
} // namespace app

void register_callback(net::Poller &poller, std::coroutine_handle<> h) {
  poller.on_readable(3, [h] { h.resume(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:33: warning: coroutine resumed inline inside a callback handed to 'net::Poller::on_readable'
  // CHECK-MESSAGES: :[[@LINE-2]]:10: note: the callback is registered here
}

// ResumeExecutors: the project's own way of posting.
void post_resume(app::Loop &loop, std::coroutine_handle<> h) {
  loop.schedule([h] { h.resume(); });
}

// LockTypes extends the lock types of the model.
void user_lock(std::promise<void> &p) {
  app::Guard g;
  p.set_value();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'std::promise<void>::set_value' is called while lock 'g' is held
  // CHECK-MESSAGES: :[[@LINE-3]]:14: note: 'g' is acquired here
}

// RUN: %check_async_tidy %s async-blocking-call %t -- \
// RUN:   --config="{CheckOptions: {LockTypes: 'app::SpinGuard'}}"

#include <mutex>
#include <shared_mutex>
#include <utility>
#include "boost/asio.hpp"
#include "cppcoro/generator.hpp"
#include "cppcoro/task.hpp"

namespace asio = boost::asio;
using asio::awaitable;
using asio::use_awaitable;

std::mutex m;
std::shared_mutex rw;
cppcoro::task<int> fetch();
void keep(std::unique_lock<std::mutex> lock);

cppcoro::task<int> held_over_await() {
  std::lock_guard<std::mutex> guard(m);
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: lock 'guard' of type 'std::lock_guard<std::mutex>' is held across a suspension point in coroutine 'held_over_await'; end its scope or unlock it before the suspension, or use an asynchronous mutex [async-blocking-call]
  int v = co_await fetch();
  // CHECK-MESSAGES: :[[@LINE-1]]:11: note: 'co_await' suspends here while 'guard' is held
  co_return v;
}

awaitable<void> held_over_timer(asio::steady_timer &timer) {
  std::shared_lock reader(rw);
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: lock 'reader' of type 'std::shared_lock<std::shared_mutex>' is held across a suspension point in coroutine 'held_over_timer'
  if (true) {
    co_await timer.async_wait(use_awaitable);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: 'co_await' suspends here while 'reader' is held
  }
}

cppcoro::generator<int> yields(const int *values) {
  std::lock_guard<std::mutex> guard(m);
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: lock 'guard' of type 'std::lock_guard<std::mutex>' is held across a suspension point in coroutine 'yields'
  for (;;)
    co_yield *values++;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: 'co_yield' suspends here while 'guard' is held
}

// Released before the suspension: the scope ended, unlock(), or moved away.
cppcoro::task<int> released() {
  {
    std::scoped_lock lock(m);
  }
  std::unique_lock<std::mutex> lk(m);
  lk.unlock();
  int a = co_await fetch();
  std::unique_lock<std::mutex> other(m);
  keep(std::move(other));
  std::unique_lock<std::mutex> deferred(m, std::defer_lock);
  int b = co_await fetch();
  co_return a + b;
}

// Re-locked after an unlock: held again at the second suspension.
cppcoro::task<int> relocked() {
  std::unique_lock<std::mutex> lk(m);
  // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: lock 'lk' of type 'std::unique_lock<std::mutex>' is held across a suspension point in coroutine 'relocked'
  // CHECK-MESSAGES: :[[@LINE+5]]:17: note: 'co_await' suspends here while 'lk' is held
  lk.unlock();
  int a = co_await fetch();
  lk.lock();
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: blocking call 'std::unique_lock<std::mutex>::lock' inside coroutine 'relocked'; serialize with a strand or an asynchronous mutex
  co_return a + co_await fetch();
}

// A lambda inside a coroutine is another function; a lock in a plain
// function never suspends.
cppcoro::task<int> lambda_inside() {
  auto critical = [] {
    std::lock_guard<std::mutex> guard(m);
    return 1;
  };
  co_return critical() + co_await fetch();
}

void plain() {
  std::lock_guard<std::mutex> guard(m);
}

// User lock types from LockTypes, and dependent lock types in templates.
namespace app {
struct SpinGuard {
  explicit SpinGuard(int &);
  ~SpinGuard();
};
} // namespace app

cppcoro::task<int> user_lock(int &spin) {
  app::SpinGuard g(spin);
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: lock 'g' of type 'app::SpinGuard' is held across a suspension point in coroutine 'user_lock'
  co_return co_await fetch();
  // CHECK-MESSAGES: :[[@LINE-1]]:13: note: 'co_await' suspends here while 'g' is held
}

template <class Mutex> cppcoro::task<int> generic(Mutex &mu) {
  std::lock_guard<Mutex> guard(mu);
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: lock 'guard' of type 'std::lock_guard<Mutex>' is held across a suspension point in coroutine 'generic'
  co_return co_await fetch();
  // CHECK-MESSAGES: :[[@LINE-1]]:13: note: 'co_await' suspends here while 'guard' is held
}
template cppcoro::task<int> generic<std::mutex>(std::mutex &);

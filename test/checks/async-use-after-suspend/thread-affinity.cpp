// RUN: %check_async_tidy %s async-use-after-suspend %t
// RUN: %check_async_tidy --check-suffixes=,ANY %s async-use-after-suspend %t.any -- \
// RUN:   --config="{CheckOptions: {async-use-after-suspend.AssumeThreadSwitch: true}}"
// RUN: %check_async_tidy --check-suffixes=,LISTED %s async-use-after-suspend %t.listed -- \
// RUN:   --config="{CheckOptions: {async-use-after-suspend.ThreadSwitchingCalls: 'app::hop_to_worker'}}"

// Thread ids and thread_local state read before a suspension that can
// resume the coroutine on another thread, and used after it. What switches
// threads is known for executor switches (cppcoro's static_thread_pool,
// asio::post to a thread_pool, winrt::resume_background, a home-made
// pool's schedule()); other awaits count with AssumeThreadSwitch or when
// listed in ThreadSwitchingCalls.

#include <coroutine>
#include <thread>
#include "boost/asio.hpp"
#include "cppcoro/static_thread_pool.hpp"
#include "cppcoro/task.hpp"
#include "winrt/base.h"

namespace asio = boost::asio;

cppcoro::task<int> fetch(int key);
void check(bool same);
thread_local int tls_requests = 0;

namespace app {
cppcoro::task<void> hop_to_worker();
} // namespace app

cppcoro::task<void> id_across_pool(cppcoro::static_thread_pool &pool) {
  auto id = std::this_thread::get_id();
  co_await pool.schedule();
  check(id == std::this_thread::get_id());
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: thread id 'id' from 'std::this_thread::get_id' is used after a co_await that can resume the coroutine on another thread; call 'std::this_thread::get_id' again after the co_await [async-use-after-suspend]
  // CHECK-MESSAGES: :[[@LINE-4]]:8: note: 'id' is taken here, before the co_await
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the coroutine can resume on another thread after this co_await
}

cppcoro::task<void> thread_local_across_pool(cppcoro::static_thread_pool &pool) {
  int &requests = tls_requests;
  co_await pool.schedule();
  ++requests;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: reference 'requests' of thread_local 'tls_requests' is used after a co_await that can resume the coroutine on another thread; read 'tls_requests' again after the co_await [async-use-after-suspend]
}

asio::awaitable<void> id_across_asio_pool(asio::thread_pool &pool) {
  auto before = std::this_thread::get_id();
  co_await asio::post(pool.get_executor(), asio::use_awaitable);
  check(before == std::this_thread::get_id());
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: thread id 'before' from 'std::this_thread::get_id' is used after a co_await {{.*}}
}

winrt::fire_and_forget id_across_background() {
  auto before = std::this_thread::get_id();
  co_await winrt::resume_background();
  check(before == std::this_thread::get_id());
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: thread id 'before' from 'std::this_thread::get_id' is used after a co_await {{.*}}
}

// An io_context: where the coroutine resumes is not known to change.
asio::awaitable<void> id_across_event_loop(asio::io_context &ioc) {
  auto before = std::this_thread::get_id();
  co_await asio::post(ioc, asio::use_awaitable);
  check(before == std::this_thread::get_id());
  // CHECK-MESSAGES-ANY: :[[@LINE-1]]:9: warning: thread id 'before' {{.*}}
}

// An await that does not say where it resumes.
cppcoro::task<void> id_across_unknown_await() {
  auto before = std::this_thread::get_id();
  co_await fetch(1);
  check(before == std::this_thread::get_id());
  // CHECK-MESSAGES-ANY: :[[@LINE-1]]:9: warning: thread id 'before' {{.*}}
}

cppcoro::task<void> id_across_listed_switch() {
  auto before = std::this_thread::get_id();
  co_await app::hop_to_worker();
  check(before == std::this_thread::get_id());
  // CHECK-MESSAGES-ANY: :[[@LINE-1]]:9: warning: thread id 'before' {{.*}}
  // CHECK-MESSAGES-LISTED: :[[@LINE-2]]:9: warning: thread id 'before' {{.*}}
}

// Executors no table names: a pool's switch member moves the coroutine
// onto the pool's threads; an event loop's does not say so.
namespace mine {
struct hop {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  void await_resume() noexcept {}
};
class WorkerPool {
public:
  hop schedule();
};
class EventLoop {
public:
  hop schedule();
};
} // namespace mine

cppcoro::task<void> id_across_home_made_pool(mine::WorkerPool &pool) {
  auto before = std::this_thread::get_id();
  co_await pool.schedule();
  check(before == std::this_thread::get_id());
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: thread id 'before' from 'std::this_thread::get_id' is used after a co_await that can resume the coroutine on another thread; {{.*}}
}

cppcoro::task<void> id_across_home_made_loop(mine::EventLoop &loop) {
  auto before = std::this_thread::get_id();
  co_await loop.schedule();
  check(before == std::this_thread::get_id());
  // CHECK-MESSAGES-ANY: :[[@LINE-1]]:9: warning: thread id 'before' {{.*}}
}

// Read again after the switch, or used before it only.
cppcoro::task<void> read_again(cppcoro::static_thread_pool &pool) {
  auto id = std::this_thread::get_id();
  check(id == std::thread::id());
  co_await pool.schedule();
  id = std::this_thread::get_id();
  ++tls_requests;
  check(id == std::this_thread::get_id());
}

// A plain function does not suspend.
void plain() {
  auto id = std::this_thread::get_id();
  check(id == std::this_thread::get_id());
}

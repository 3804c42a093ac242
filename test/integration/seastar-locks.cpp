// Real Seastar headers (bench/field/seastar): seastar::shared_mutex is an
// asynchronous mutex (lock() returns a future, awaited through Seastar's
// non-member operator co_await), so a std::unique_lock or std::shared_lock
// over it, taken by co_await, may be held across later suspensions. A
// std::mutex held across co_await still is reported.
// REQUIRES: seastar
// RUN: %check_async_tidy --no-mocks %s async-blocking-call %t -- -- %seastar_flags

#include <mutex>
#include <seastar/core/coroutine.hh>
#include <seastar/core/shared_mutex.hh>
#include <seastar/core/sleep.hh>
#include <shared_mutex>

using namespace seastar;

future<> read_under_shared_lock(shared_mutex &sm) {
  const auto shared = co_await get_shared_lock(sm);
  co_await sleep(std::chrono::milliseconds(1));
}

future<> write_under_unique_lock(shared_mutex &sm) {
  const auto unique = co_await get_unique_lock(sm);
  co_await sleep(std::chrono::milliseconds(1));
}

std::mutex table_mutex;
future<> thread_lock_across_await() {
  std::lock_guard<std::mutex> guard(table_mutex);
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: lock 'guard' of type 'std::lock_guard<std::mutex>' is held across a suspension point in coroutine 'thread_lock_across_await'; {{.*}}
  co_await sleep(std::chrono::milliseconds(1));
}

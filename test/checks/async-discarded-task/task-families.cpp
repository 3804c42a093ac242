// RUN: %check_async_tidy %s async-discarded-task %t

#include <future>
#include <vector>
#include "QtConcurrent/QtConcurrent"
#include "boost/asio.hpp"
#include "coro/coro.hpp"
#include "cppcoro/task.hpp"
#include "folly/coro/Task.h"
#include "folly/futures/Future.h"
#include "pplx/pplxtasks.h"

namespace asio = boost::asio;

cppcoro::task<int> compute();
coro::task<void> lib_job();
folly::coro::Task<void> folly_job();
folly::Future<int> folly_future();
folly::SemiFuture<int> folly_semi();
pplx::task<void> save();
QFuture<int> q_job();
asio::awaitable<void> session();
int work();

// A user task type: recognised by its promise_type; eager (suspend_never),
// its result kept in the frame until the object lets go of it.
struct EagerTask {
  struct promise_type {
    EagerTask get_return_object();
    std::suspend_never initial_suspend() noexcept;
    std::suspend_always final_suspend() noexcept;
    void return_void();
    void unhandled_exception();
  };
  bool done() const;
};
EagerTask eager_job();

// A user task whose promise starts suspended (std::suspend_always) is lazy;
// a user type that only shares the name does not make it so.
namespace mine {
struct suspend_always {
  bool await_ready() const noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  void await_resume() const noexcept {}
};
} // namespace mine
struct LazyUserTask {
  struct promise_type {
    LazyUserTask get_return_object();
    std::suspend_always initial_suspend() noexcept;
    std::suspend_always final_suspend() noexcept;
    void return_void();
    void unhandled_exception();
  };
};
struct NameAlikeTask {
  struct promise_type {
    NameAlikeTask get_return_object();
    mine::suspend_always initial_suspend() noexcept;
    std::suspend_always final_suspend() noexcept;
    void return_void();
    void unhandled_exception();
  };
};
LazyUserTask lazy_user_job();
NameAlikeTask eager_user_job();

// [[clang::coro_return_type]] marks a task type as well.
template <class T> struct [[clang::coro_return_type]] Marked {
  struct promise_type;
};
Marked<int> marked_job();

void plain_function(asio::ip::tcp::socket &socket, char *buf) {
  compute();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'cppcoro::task<int>' returned by 'compute' is discarded; the work never starts unless it is awaited; await it, keep it, or hand it to something that runs it [async-discarded-task]
  lib_job();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'coro::task<>' returned by 'lib_job' is discarded; the work never starts unless it is awaited
  folly_job();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'folly::coro::Task<>' returned by 'folly_job' is discarded; the work never starts
  folly_future();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'folly::Future<int>' returned by 'folly_future' is discarded; its completion and errors are never observed
  folly_semi();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'folly::SemiFuture<int>' returned by 'folly_semi' is discarded; the work never starts
  save();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'pplx::task<void>' returned by 'save' is discarded; its completion and errors are never observed
  q_job();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'QFuture<int>' returned by 'q_job' is discarded
  session();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::asio::awaitable<void>' returned by 'session' is discarded; the work never starts unless it is awaited
  socket.async_read_some(asio::buffer(buf, 4), asio::use_awaitable);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::asio::awaitable<unsigned long>' returned by 'asio::ip::tcp::socket::async_read_some' is discarded; the work never starts
  eager_job();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'EagerTask' returned by 'eager_job' is discarded; its completion and errors are never observed
  lazy_user_job();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'LazyUserTask' returned by 'lazy_user_job' is discarded; the work never starts unless it is awaited
  eager_user_job();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'NameAlikeTask' returned by 'eager_user_job' is discarded; its completion and errors are never observed
  marked_job();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Marked<int>' returned by 'marked_job' is discarded
  (void)compute();
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'cppcoro::task<int>' returned by 'compute' is discarded
  std::async(std::launch::async, work);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::future<int>' returned by 'std::async' is discarded; its destructor blocks until the work finishes; keep the future and wait where the result is needed
  pplx::create_task([] { return 1; });
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'pplx::task<int>' returned by 'pplx::create_task' is discarded
  if (work())
    save().then([] {});
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'pplx::task<void>' returned by 'pplx::task<void>::then' is discarded
}

// Kept, returned, awaited, passed on: all fine.
std::vector<pplx::task<void>> pending;
cppcoro::task<int> consume(cppcoro::task<int> t);

cppcoro::task<int> used(asio::io_context &ioc) {
  auto kept = compute();
  pending.push_back(save());
  int v = co_await compute();
  co_await consume(compute());
  asio::co_spawn(ioc, session(), asio::detached);
  co_return v + co_await std::move(kept);
}

pplx::task<void> returned() { return save(); }

// Calls that return something else, and unevaluated operands.
void not_tasks(std::future<int> &f) {
  work();
  f.wait();
  using T = decltype(compute());
  (void)sizeof(compute());
}

// Boost.Asio from Debian: a chat room whose sessions join and leave while
// other coroutines are suspended, and a handler that hops onto a
// thread_pool. References into the room's tables kept across co_await are
// reported; lookups made again after it and copies are not.
// REQUIRES: boost-asio
// -DBOOST_ASIO_HAS_*: Boost 1.74 needs them to use coroutines with Clang;
// later releases define them themselves, so they are harmless there.
// RUN: %check_async_tidy --no-mocks %s async-use-after-suspend %t -- -- -std=c++20 \
// RUN:   -DBOOST_ASIO_HAS_CO_AWAIT -DBOOST_ASIO_HAS_STD_COROUTINE

#include <utility> // Boost 1.74 uses std::exchange without it
#include <boost/asio.hpp>
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace asio = boost::asio;
using asio::awaitable;
using asio::use_awaitable;
using asio::ip::tcp;

struct participant {
  tcp::socket socket;
  std::vector<std::string> backlog;
};

class chat_room {
public:
  awaitable<void> deliver(int id, std::string msg);
  awaitable<void> deliver_fixed(int id, std::string msg);
  awaitable<void> broadcast(std::string msg);
  awaitable<void> broadcast_fixed(std::string msg);

private:
  std::map<int, std::shared_ptr<participant>> members_;
};

awaitable<void> chat_room::deliver(int id, std::string msg) {
  auto it = members_.find(id);
  if (it == members_.end())
    co_return;
  co_await asio::async_write(it->second->socket, asio::buffer(msg),
                             use_awaitable);
  it->second->backlog.clear();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: iterator 'it' into member 'members_' is used after a co_await; the container can change while the coroutine is suspended; look it up again after the co_await or copy the value [async-use-after-suspend]
  // CHECK-MESSAGES: :[[@LINE-7]]:8: note: 'it' is taken here, before the co_await
  // CHECK-MESSAGES: :[[@LINE-5]]:3: note: the coroutine suspends here; other code runs before it resumes
}

awaitable<void> chat_room::deliver_fixed(int id, std::string msg) {
  auto it = members_.find(id);
  if (it == members_.end())
    co_return;
  std::shared_ptr<participant> member = it->second;
  co_await asio::async_write(member->socket, asio::buffer(msg), use_awaitable);
  member->backlog.clear();
}

awaitable<void> chat_room::broadcast(std::string msg) {
  for (auto &[id, member] : members_)
    // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: range-for loop over member 'members_' continues after a co_await in its body; {{.*}}
    co_await asio::async_write(member->socket, asio::buffer(msg),
                               use_awaitable);
}

awaitable<void> chat_room::broadcast_fixed(std::string msg) {
  std::vector<std::shared_ptr<participant>> snapshot;
  for (auto &[id, member] : members_)
    snapshot.push_back(member);
  for (auto &member : snapshot)
    co_await asio::async_write(member->socket, asio::buffer(msg),
                               use_awaitable);
}

// Resumed by a handler the thread_pool runs: another thread.
awaitable<bool> same_thread_after_hop(asio::thread_pool &pool) {
  auto before = std::this_thread::get_id();
  co_await asio::post(pool.get_executor(), use_awaitable);
  co_return before == std::this_thread::get_id();
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: thread id 'before' from 'std::this_thread::get_id' is used after a co_await that can resume the coroutine on another thread; call 'std::this_thread::get_id' again after the co_await [async-use-after-suspend]
}

// An io_context run by this thread: not known to change threads.
awaitable<bool> same_thread_on_context(asio::io_context &ioc) {
  auto before = std::this_thread::get_id();
  co_await asio::post(ioc, use_awaitable);
  co_return before == std::this_thread::get_id();
}

// RUN: %check_async_tidy %s async-use-after-suspend %t

// Seastar's eager future: a shard's coroutines run on one thread, yet
// another coroutine of the shard runs whenever this one waits, and can
// reshape the shard's tables. Thread ids stay valid: nothing here moves a
// coroutine to another thread.

#include <chrono>
#include <memory>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>
#include <seastar/core/coroutine.hh>
#include <seastar/core/future.hh>
#include <seastar/core/sleep.hh>
#include <seastar/core/smp.hh>

using namespace std::chrono_literals;

struct connection {
  std::string peer;
  std::vector<std::string> outbox;
  seastar::future<> flush();
};

class connection_table : public std::enable_shared_from_this<connection_table> {
public:
  seastar::future<> send(int id, std::string msg);
  seastar::future<> broadcast(std::string msg);
  seastar::future<> broadcast_snapshot(std::string msg);
  seastar::future<int> keepalive(int id);
  seastar::future<> drain_through_self(int id);
  seastar::future<> resend(int id);

private:
  std::unordered_map<int, connection> conns_;
};

seastar::future<> connection_table::send(int id, std::string msg) {
  auto it = conns_.find(id);
  if (it == conns_.end())
    co_return;
  co_await seastar::sleep(1ms);
  it->second.outbox.push_back(std::move(msg));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: iterator 'it' into member 'conns_' is used after a co_await; the container can change while the coroutine is suspended; look it up again after the co_await or copy the value [async-use-after-suspend]
  // CHECK-MESSAGES: :[[@LINE-6]]:8: note: 'it' is taken here, before the co_await
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the coroutine suspends here; other code runs before it resumes
}

seastar::future<> connection_table::broadcast(std::string msg) {
  for (auto &[id, conn] : conns_) {
    // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: range-for loop over member 'conns_' continues after a co_await in its body; {{.*}}
    conn.outbox.push_back(msg);
    co_await conn.flush();
  }
}

// Negative: the loop runs over a copy of the keys, and looks each one up
// again after the suspension.
seastar::future<> connection_table::broadcast_snapshot(std::string msg) {
  std::vector<int> ids;
  for (auto &[id, conn] : conns_)
    ids.push_back(id);
  for (int id : ids) {
    co_await seastar::sleep(1ms);
    auto it = conns_.find(id);
    if (it != conns_.end())
      it->second.outbox.push_back(msg);
  }
}

// Negative: a thread id on a shard stays the shard's thread.
seastar::future<int> connection_table::keepalive(int id) {
  auto shard_thread = std::this_thread::get_id();
  co_await seastar::sleep(1ms);
  co_return shard_thread == std::this_thread::get_id() ? id : 0;
}

// Through a shared pointer to the object: the same table, the same risk.
seastar::future<> connection_table::drain_through_self(int id) {
  auto self = shared_from_this();
  connection &conn = self->conns_.at(id);
  co_await conn.flush();
  conn.outbox.clear();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: reference 'conn' into member 'conns_' is used after a co_await; {{.*}}
}

// Negative: the value is copied before the suspension.
seastar::future<> connection_table::resend(int id) {
  std::vector<std::string> outbox = conns_.at(id).outbox;
  co_await seastar::sleep(1ms);
  for (auto &m : outbox)
    co_await seastar::sleep(1ms);
}

// A container behind a pointer parameter.
seastar::future<> trim(std::vector<std::string> *lines) {
  std::string &last = lines->back();
  co_await seastar::sleep(1ms);
  last.clear();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: reference 'last' into the container behind 'lines' is used after a co_await; {{.*}}
}

// RUN: %check_async_tidy %s async-use-after-suspend %t

// cppcoro's lazy task: references, pointers, iterators and views into
// containers that other code can reshape while the coroutine is suspended,
// beside the look-alikes that are safe: the coroutine's own locals and
// by-value parameters, const data, copies, lookups made again after the
// suspension, loops over a copy and loops left after the suspension.

#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>
#include "cppcoro/task.hpp"

cppcoro::task<int> fetch(int key);
void consume(int value);

struct Session {
  int id = 0;
  std::string name;
};

class Server {
public:
  cppcoro::task<int> iterator_into_member(int id);
  cppcoro::task<int> reference_into_member(int id);
  cppcoro::task<int> pointer_into_member(int id);
  cppcoro::task<void> view_into_member();
  cppcoro::task<void> loop_over_member();
  cppcoro::task<void> loop_over_alias();
  cppcoro::task<int> span_over_member();
  cppcoro::task<int> copied(int id);
  cppcoro::task<int> looked_up_again(int id);
  cppcoro::task<int> only_before(int id);
  cppcoro::task<int> const_member();
  cppcoro::task<int> whole_member();
  cppcoro::task<void> loop_over_copy();
  cppcoro::task<void> loop_left_after_suspension(int id);
  cppcoro::task<void> declared_in_each_iteration();
  cppcoro::task<int> returned_before_use(int id);
  int plain_function(int id);

private:
  std::map<int, Session> sessions_;
  std::vector<int> queue_;
  std::string title_;
  const std::vector<int> limits_{1, 2, 3};
};

// --- Positives.

cppcoro::task<int> Server::iterator_into_member(int id) {
  auto it = sessions_.find(id);
  if (it == sessions_.end())
    co_return 0;
  int v = co_await fetch(id);
  co_return it->second.id + v;
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: iterator 'it' into member 'sessions_' is used after a co_await; the container can change while the coroutine is suspended; look it up again after the co_await or copy the value [async-use-after-suspend]
  // CHECK-MESSAGES: :[[@LINE-6]]:8: note: 'it' is taken here, before the co_await
  // CHECK-MESSAGES: :[[@LINE-4]]:11: note: the coroutine suspends here; other code runs before it resumes
}

cppcoro::task<int> Server::reference_into_member(int id) {
  Session &s = sessions_[id];
  co_await fetch(id);
  co_return s.id;
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: reference 's' into member 'sessions_' is used after a co_await; {{.*}}
  // CHECK-MESSAGES: :[[@LINE-4]]:12: note: 's' is taken here, before the co_await
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the coroutine suspends here
}

cppcoro::task<int> Server::pointer_into_member(int id) {
  int *front = &queue_.front();
  co_await fetch(id);
  co_return *front;
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: pointer 'front' into member 'queue_' is used after a co_await; {{.*}}
}

cppcoro::task<void> Server::view_into_member() {
  std::string_view title = title_;
  co_await fetch(1);
  consume(title.size());
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: view 'title' into member 'title_' is used after a co_await; {{.*}}
}

cppcoro::task<int> Server::span_over_member() {
  std::span<int> items(queue_);
  co_await fetch(1);
  co_return items[0];
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: view 'items' into member 'queue_' is used after a co_await; {{.*}}
}

cppcoro::task<void> Server::loop_over_member() {
  for (auto &[id, session] : sessions_)
    // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: range-for loop over member 'sessions_' continues after a co_await in its body; the container can change while the coroutine is suspended and invalidate the loop's iterator; iterate over a copy, or leave the loop after the co_await [async-use-after-suspend]
    consume(co_await fetch(session.id));
  // CHECK-MESSAGES: :[[@LINE-1]]:13: note: the coroutine suspends here
}

// An alias of the member is the member.
cppcoro::task<void> Server::loop_over_alias() {
  auto &pending = queue_;
  for (int key : pending)
    // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: range-for loop over member 'queue_' continues after a co_await in its body; {{.*}}
    co_await fetch(key);
}

// --- Negatives.

// A copy taken before the suspension.
cppcoro::task<int> Server::copied(int id) {
  Session s = sessions_[id];
  int first = queue_.front();
  co_await fetch(id);
  co_return s.id + first;
}

// Looked up again after the suspension.
cppcoro::task<int> Server::looked_up_again(int id) {
  auto it = sessions_.find(id);
  consume(it->second.id);
  co_await fetch(id);
  it = sessions_.find(id);
  co_return it == sessions_.end() ? 0 : it->second.id;
}

// Used only before the suspension.
cppcoro::task<int> Server::only_before(int id) {
  const Session &s = sessions_.at(id);
  int v = s.id;
  co_return v + co_await fetch(id);
}

// Const data cannot change.
cppcoro::task<int> Server::const_member() {
  const int &limit = limits_[0];
  co_await fetch(1);
  co_return limit;
}

// A reference to the member itself stays valid as long as the object.
cppcoro::task<int> Server::whole_member() {
  auto &all = sessions_;
  co_await fetch(1);
  co_return static_cast<int>(all.size());
}

// Loops over a copy.
cppcoro::task<void> Server::loop_over_copy() {
  auto snapshot = sessions_;
  for (auto &[id, session] : snapshot)
    co_await fetch(session.id);
  for (int key : std::vector<int>(queue_))
    co_await fetch(key);
}

// The loop ends after the suspension: its iterator is not used again.
cppcoro::task<void> Server::loop_left_after_suspension(int id) {
  for (auto &[key, session] : sessions_) {
    if (key != id)
      continue;
    co_await fetch(session.id);
    break;
  }
}

// Declared afresh in each iteration.
cppcoro::task<void> Server::declared_in_each_iteration() {
  for (int i = 0; i < 3; ++i) {
    auto it = sessions_.find(i);
    if (it != sessions_.end())
      consume(it->second.id);
    co_await fetch(i);
  }
}

// The path that suspends returns first.
cppcoro::task<int> Server::returned_before_use(int id) {
  auto it = sessions_.find(id);
  if (it == sessions_.end()) {
    co_await fetch(id);
    co_return 0;
  }
  co_return it->second.id;
}

// Not a coroutine: nothing runs in between.
int Server::plain_function(int id) {
  auto it = sessions_.find(id);
  fetch(id);
  return it->second.id;
}

// The coroutine's own locals and by-value parameters.
cppcoro::task<int> own_state(std::vector<int> values) {
  std::map<int, int> local{{1, 2}};
  auto it = local.find(1);
  int &first = values[0];
  co_await fetch(1);
  co_return it->second + first;
}

// --- Parameters and globals.

std::vector<int> pending_jobs;
const std::vector<int> fixed_jobs{1, 2};

cppcoro::task<int> by_reference(std::vector<int> &jobs) {
  int &job = jobs.back();
  co_await fetch(job);
  co_return job;
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: reference 'job' into parameter 'jobs' is used after a co_await; {{.*}}
}

// A const reference parameter is const data to this coroutine.
cppcoro::task<int> by_const_reference(const std::vector<int> &jobs) {
  const int &job = jobs.back();
  co_await fetch(job);
  co_return job;
}

// A generic algorithm over whatever range it is given: its caller keeps
// the range unchanged, as for any algorithm.
template <class Range> cppcoro::task<void> for_each_async(Range &range) {
  for (auto &&item : range)
    co_await fetch(item);
}
template cppcoro::task<void> for_each_async(std::vector<int> &);

cppcoro::task<int> global_state() {
  auto it = pending_jobs.begin();
  const int &fixed = fixed_jobs[0];
  co_await fetch(*it);
  co_return *it + fixed;
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: iterator 'it' into global 'pending_jobs' is used after a co_await; {{.*}}
}

// --- Coroutine lambdas: captures by reference are shared, by copy owned.

void lambdas() {
  std::vector<int> jobs{1, 2};
  auto shared = [&jobs]() -> cppcoro::task<int> {
    int &job = jobs[0];
    co_await fetch(1);
    co_return job;
    // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: reference 'job' into captured 'jobs' is used after a co_await; {{.*}}
  };
  auto owned = [jobs]() mutable -> cppcoro::task<int> {
    int &job = jobs[0];
    co_await fetch(1);
    co_return job;
  };
  shared();
  owned();
}

// Under a thread lock held across the suspension, code that takes the lock
// cannot change the container; the lock held across the co_await is
// async-blocking-call's finding (lock scopes from the std library).
#include <mutex>
std::mutex history_mutex;
std::vector<std::string> history;

cppcoro::task<void> replay_under_lock() {
  std::lock_guard<std::mutex> lock(history_mutex);
  for (const std::string &line : history)
    consume(co_await fetch(int(line.size())));
}

cppcoro::task<void> replay_after_unlocked_scope() {
  {
    std::lock_guard<std::mutex> lock(history_mutex);
    consume(int(history.size()));
  }
  for (const std::string &line : history)
    // CHECK-MESSAGES: :[[@LINE-1]]:34: warning: range-for loop over global 'history' continues after a co_await in its body
    consume(co_await fetch(int(line.size())));
}

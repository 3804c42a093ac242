#pragma once
// A library no table names: a future recognised by its shape (get, wait,
// wait_for, then) and an executor by its queue of callables.
#include <chrono>
template <class T> class Pending {
public:
  T get();
  void wait() const;
  bool wait_for(std::chrono::milliseconds) const;
  bool is_ready() const;
  template <class F> auto then(F &&f);
};
Pending<int> fetchRow();
int loadRow();          // waits on a Pending (lib.cpp)
int cachedRow();        // does not wait (lib.cpp)
#include <deque>
#include <functional>
class Dispatcher {
public:
  template <class F> void Schedule(F &&f) { Queue.emplace_back(std::forward<F>(f)); }
private:
  std::deque<std::function<void()>> Queue;
};

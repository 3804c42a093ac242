// Home-made scheduling vocabulary as projects write it, none of it named in
// the model's tables:
//  - WorkerGroup::Schedule(std::function<void()>) stores the callable in a
//    std::deque member (the shape of Eigen's and TensorFlow's
//    ThreadPool::Schedule); Submit(f) returns a std::future through a
//    packaged_task;
//  - Dispatcher::Schedule(F&&) whose class name says nothing: the callable
//    is moved into a std::vector<std::function<void()>> member;
//  - look-alikes that hand nothing off: SyncQueue::post runs its callable
//    before returning, JobScheduler::Schedule takes a job description, not a
//    callable, and TaskQueue is a plain container of ints.
#pragma once
#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <type_traits>
#include <utility>
#include <vector>

namespace work {
class WorkerGroup {
public:
  explicit WorkerGroup(int threads);
  ~WorkerGroup();

  void Schedule(std::function<void()> fn) {
    std::lock_guard<std::mutex> lock(mu_);
    queue_.push_back(std::move(fn));
    cv_.notify_one();
  }

  template <class F> auto Submit(F &&f) -> std::future<std::invoke_result_t<F>> {
    using R = std::invoke_result_t<F>;
    auto task = std::make_shared<std::packaged_task<R()>>(std::forward<F>(f));
    auto result = task->get_future();
    Schedule([task] { (*task)(); });
    return result;
  }

private:
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::function<void()>> queue_;
  std::vector<std::thread> threads_;
};

class Dispatcher {
public:
  template <class F> void Schedule(F &&f) {
    std::lock_guard<std::mutex> lock(mu_);
    pending_.emplace_back(std::forward<F>(f));
  }
  void RunPending(); // called from the dispatcher's own thread

private:
  std::mutex mu_;
  std::vector<std::function<void()>> pending_;
};

// Runs the callable on the calling thread before post() returns.
class SyncQueue {
public:
  template <class F> void post(F &&f) { std::forward<F>(f)(); }
};

struct Job {
  std::string name;
  int priority = 0;
};

// Schedule records a job description; it takes no callable.
class JobScheduler {
public:
  void Schedule(const Job &job, std::chrono::seconds delay) {
    jobs_.push_back(job);
    (void)delay;
  }

private:
  std::vector<Job> jobs_;
};

// A plain container of task ids, whatever its name says.
class TaskQueue {
public:
  void push(int id) { ids_.push_back(id); }
  int pop() {
    int id = ids_.front();
    ids_.pop_front();
    return id;
  }
  int front() const { return ids_.front(); }
  bool empty() const { return ids_.empty(); }
  std::size_t size() const { return ids_.size(); }

private:
  std::deque<int> ids_;
};
} // namespace work

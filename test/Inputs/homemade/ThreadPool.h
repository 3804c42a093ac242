// Stand-in for the widely copied progschj/ThreadPool ThreadPool.h (global
// namespace), in the form its C++17/20 forks take (std::invoke_result and a
// capturing lambda instead of std::result_of and std::bind, which libstdc++
// marks deprecated in C++20): enqueue(f, args...) binds the callable into a
// std::packaged_task held by a shared_ptr, pushes a lambda that runs it onto
// a std::queue<std::function<void()>> member under the queue mutex, and
// returns the packaged task's std::future. The callable parameter reaches
// the queue only through the binding lambda, make_shared and a second
// capturing lambda.
#pragma once
#include <condition_variable>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <queue>
#include <stdexcept>
#include <thread>
#include <type_traits>
#include <vector>

class ThreadPool {
public:
  explicit ThreadPool(size_t threads);
  template <class F, class... Args>
  auto enqueue(F &&f, Args &&...args)
      -> std::future<std::invoke_result_t<F, Args...>>;
  ~ThreadPool();

private:
  std::vector<std::thread> workers;
  std::queue<std::function<void()>> tasks;
  std::mutex queue_mutex;
  std::condition_variable condition;
  bool stop = false;
};

template <class F, class... Args>
auto ThreadPool::enqueue(F &&f, Args &&...args)
    -> std::future<std::invoke_result_t<F, Args...>> {
  using return_type = std::invoke_result_t<F, Args...>;
  auto task = std::make_shared<std::packaged_task<return_type()>>(
      [f = std::forward<F>(f), ... args = std::forward<Args>(args)]() mutable {
        return std::invoke(f, args...);
      });
  std::future<return_type> res = task->get_future();
  {
    std::unique_lock<std::mutex> lock(queue_mutex);
    if (stop)
      throw std::runtime_error("enqueue on stopped ThreadPool");
    tasks.emplace([task]() { (*task)(); });
  }
  condition.notify_one();
  return res;
}

// Mock of concurrencpp (concurrencpp/concurrencpp.h): eager result<T>
// coroutines, shared_result, result_promise, executors whose submit() runs
// the callable inside a coroutine bridge (as the library does), resume_on
// and the runtime's executors.
#pragma once
#include <coroutine>
#include <exception>
#include <memory>
#include <type_traits>
#include <utility>

namespace concurrencpp {
struct executor_tag {};
enum class result_status { idle, value, exception };

template <class T> class result {
public:
  struct promise_type {
    result get_return_object();
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void unhandled_exception() {}
    template <class U> void return_value(U &&) {}
  };
  T get();
  void wait();
  template <class D> result_status wait_for(D duration) const;
  result_status status() const;
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) {}
  T await_resume();
};
template <class T> class shared_result {
public:
  shared_result(result<T> r);
  std::add_lvalue_reference_t<T> get();
  void wait();
  result_status status() const;
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) {}
  std::add_lvalue_reference_t<T> await_resume();
};
template <> struct result<void>::promise_type {
  result get_return_object();
  std::suspend_never initial_suspend() noexcept { return {}; }
  std::suspend_always final_suspend() noexcept { return {}; }
  void unhandled_exception() {}
  void return_void() {}
};
template <class T> class result_promise {
public:
  result<T> get_result();
  template <class... A> void set_result(A &&...args);
  void set_exception(std::exception_ptr error);
};
class manual_executor {
public:
  template <class F> void post(F &&f) {}
  bool loop_once();
};
class executor {
  template <class R, class E, class F, class... A>
  static result<R> submit_bridge(executor_tag, E &, F callable, A... args) {
    co_return callable(args...);
  }

protected:
  template <class E, class F, class... A> auto do_submit(F &&f, A &&...a) {
    using R = std::invoke_result_t<F, A...>;
    return submit_bridge<R>({}, *static_cast<E *>(this), std::forward<F>(f),
                            std::forward<A>(a)...);
  }

public:
  virtual ~executor() = default;
  // Defined, so that a lambda (a type without linkage) can be passed.
  template <class F, class... A> void post(F &&f, A &&...a) {}
  template <class F, class... A> auto submit(F &&f, A &&...a) {
    return do_submit<executor>(std::forward<F>(f), std::forward<A>(a)...);
  }
};

template <class Concrete> class derivable_executor : public executor {
public:
  template <class F, class... A> void post(F &&f, A &&...a) {}
  template <class F, class... A> auto submit(F &&f, A &&...a) {
    return do_submit<Concrete>(std::forward<F>(f), std::forward<A>(a)...);
  }
};

class thread_executor : public derivable_executor<thread_executor> {};
class thread_pool_executor : public derivable_executor<thread_pool_executor> {};
class worker_thread_executor
    : public derivable_executor<worker_thread_executor> {};

template <class E> struct resume_on_awaitable {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) {}
  void await_resume() {}
};
template <class E> resume_on_awaitable<E> resume_on(std::shared_ptr<E> ex) {
  return {};
}

class runtime {
public:
  std::shared_ptr<::concurrencpp::thread_pool_executor>
  thread_pool_executor() const;
  std::shared_ptr<::concurrencpp::thread_pool_executor>
  background_executor() const;
  std::shared_ptr<::concurrencpp::thread_executor> thread_executor() const;
};
} // namespace concurrencpp

// Mock of cpprestsdk's PPL tasks (pplx/pplxtasks.h).
#pragma once
#include <exception>
#include <type_traits>

namespace pplx {
enum task_status { not_complete, completed, canceled };

template <class T> class task;

// Cancellation (pplxcancellation_token.h): a token observes its source.
class cancellation_token {
public:
  static cancellation_token none();
  bool is_canceled() const;
  bool is_cancelable() const;
};
class cancellation_token_source {
public:
  cancellation_token get_token() const;
  void cancel() const;
};
class task_continuation_context {
public:
  static task_continuation_context use_default();
};
// task_options converts from a token, as in pplxtasks.h.
class task_options {
public:
  task_options();
  task_options(cancellation_token Token);
  task_options(task_continuation_context Context);
};

namespace details {
template <class F, class T> auto continuation_result() {
  if constexpr (std::is_invocable_v<F, task<T>>)
    return std::invoke_result_t<F, task<T>>();
  else if constexpr (std::is_void_v<T>)
    return std::invoke_result_t<F>();
  else
    return std::invoke_result_t<F, T>();
}
template <class R> struct unwrap { using type = R; };
template <class R> struct unwrap<task<R>> { using type = R; };
template <class F, class T>
using continuation_t =
    typename unwrap<decltype(continuation_result<F, T>())>::type;
} // namespace details

template <class T> class task {
public:
  using result_type = T;
  task() = default;
  template <class F> explicit task(F f) {}
  T get() const;
  task_status wait() const;
  bool is_done() const;
  template <class F> task<details::continuation_t<F, T>> then(F &&f) const {
    return {};
  }
  template <class F>
  task<details::continuation_t<F, T>> then(F &&f, task_options) const {
    return {};
  }
};

template <> class task<void> {
public:
  using result_type = void;
  task() = default;
  template <class F> explicit task(F f) {}
  void get() const;
  task_status wait() const;
  bool is_done() const;
  template <class F> task<details::continuation_t<F, void>> then(F &&f) const {
    return {};
  }
};

template <class F>
auto create_task(F f, task_options options = task_options()) {
  return task<typename details::unwrap<std::invoke_result_t<F>>::type>(f);
}

template <class T> class task_completion_event {
public:
  bool set(T value) const;
  template <class E> bool set_exception(E e) const;
};

template <class T> task<T> task_from_result(T value);
} // namespace pplx

namespace concurrency = pplx;

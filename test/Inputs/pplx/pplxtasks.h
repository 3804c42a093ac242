// Mock of cpprestsdk's PPL tasks (pplx/pplxtasks.h).
#pragma once
#include <exception>
#include <type_traits>

namespace pplx {
enum task_status { not_complete, completed, canceled };

template <class T> class task;

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

template <class F> auto create_task(F f) {
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

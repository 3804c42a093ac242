// Mock of QCoro's Task (qcoro/qcorotask.h, qcoro/impl/*.h): an eager
// coroutine (initial_suspend never suspends) whose frame is
// reference-counted: ~TaskBase drops a reference, the frame frees itself at
// its end. An exception is stored in the promise and rethrown only to a
// co_await. then() is the documented way to use a task outside a coroutine.
#pragma once
#include <coroutine>
#include <exception>

namespace QCoro {
template <typename T = void> class Task;

namespace detail {
class TaskPromiseBase {
public:
  std::suspend_never initial_suspend() const noexcept { return {}; }
  std::suspend_never final_suspend() const noexcept { return {}; }
  void derefCoroutine();
};

template <typename T, template <typename> class TaskImpl, typename Promise>
class TaskBase {
public:
  ~TaskBase() {
    if (Coroutine)
      Coroutine.promise().derefCoroutine();
  }
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<>) noexcept;
  T await_resume();
  template <typename ThenCallback> TaskImpl<void> then(ThenCallback &&) {
    return {};
  }

protected:
  std::coroutine_handle<Promise> Coroutine;
};

template <typename T> class TaskPromise : public TaskPromiseBase {
public:
  Task<T> get_return_object() noexcept;
  void unhandled_exception() { Error = std::current_exception(); }
  void return_value(T) noexcept;

private:
  std::exception_ptr Error;
};
template <> class TaskPromise<void> : public TaskPromiseBase {
public:
  Task<void> get_return_object() noexcept;
  void unhandled_exception() { Error = std::current_exception(); }
  void return_void() noexcept;

private:
  std::exception_ptr Error;
};
} // namespace detail

template <typename T>
class Task : public detail::TaskBase<T, Task, detail::TaskPromise<T>> {
public:
  using promise_type = detail::TaskPromise<T>;
};
} // namespace QCoro

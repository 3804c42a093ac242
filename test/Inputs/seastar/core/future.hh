// Mock of seastar/core/future.hh (Seastar >= 2020: future<T = void>).
// Real futures are [[nodiscard]] (SEASTAR_NODISCARD); the mock leaves the
// attribute out so that the compiler's own -Wunused-result stays out of the
// check tests. get() blocks (it must run in a seastar::thread), wait()
// blocks, available() is the readiness test, then() the continuation.
#pragma once
#include <exception>
#include <type_traits>
#include <utility>

namespace seastar {
template <typename T = void> class future;
template <typename T = void> class promise;

namespace internal {
template <typename T> struct future_value { using type = T; };
template <> struct future_value<void> { using type = void; };

// Stands in for the state machinery that produces a future not yet ready.
template <typename Future> Future make_pending() noexcept;
} // namespace internal

template <typename T> struct futurize { using type = future<T>; };
template <typename T> struct futurize<future<T>> { using type = future<T>; };
template <typename T> using futurize_t = typename futurize<T>::type;

template <typename T> class future {
public:
  using value_type = typename internal::future_value<T>::type;

  future(future &&) noexcept = default;
  future &operator=(future &&) noexcept = default;
  future(const future &) = delete;

  bool available() const noexcept;
  bool failed() const noexcept;
  value_type get();
  void wait() noexcept;
  std::exception_ptr get_exception() noexcept;

  template <typename Func,
            typename Result = futurize_t<std::invoke_result_t<Func, T>>>
  Result then(Func &&func) noexcept {
    return internal::make_pending<Result>();
  }
  template <typename Func> future<T> finally(Func &&func) noexcept {
    return internal::make_pending<future<T>>();
  }
  future<> discard_result() noexcept;
  void ignore_ready_future() noexcept;

private:
  future() noexcept = default;
  friend class promise<T>;
  template <typename Future> friend Future internal::make_pending() noexcept;
};

template <> class future<void> {
public:
  using value_type = void;
  future(future &&) noexcept = default;
  future &operator=(future &&) noexcept = default;
  future(const future &) = delete;

  bool available() const noexcept;
  bool failed() const noexcept;
  void get();
  void wait() noexcept;
  template <typename Func,
            typename Result = futurize_t<std::invoke_result_t<Func>>>
  Result then(Func &&func) noexcept {
    return internal::make_pending<Result>();
  }
  template <typename Func> future<> finally(Func &&func) noexcept {
    return internal::make_pending<future<>>();
  }
  future<> discard_result() noexcept;
  void ignore_ready_future() noexcept;

private:
  future() noexcept = default;
  friend class promise<void>;
  template <typename Future> friend Future internal::make_pending() noexcept;
};

// The promise hands out its future once (get_future) and completes the
// shared state with set_value / set_exception; the continuation attached
// with then() is scheduled, but a waiting coroutine resumes from it.
template <typename T> class promise {
public:
  promise() noexcept = default;
  promise(promise &&) noexcept = default;
  promise &operator=(promise &&) noexcept = default;
  future<T> get_future() noexcept;
  template <typename... A> void set_value(A &&...a) noexcept;
  void set_exception(std::exception_ptr ex) noexcept;
};

template <typename T = void, typename... A>
future<T> make_ready_future(A &&...value) noexcept;
template <typename T = void>
future<T> make_exception_future(std::exception_ptr ex) noexcept;
} // namespace seastar

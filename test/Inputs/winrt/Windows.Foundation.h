// Mock of winrt/Windows.Foundation.h (C++/WinRT projection). IAsyncAction
// and IAsyncOperation<T> are coroutine return types (promise from a
// std::coroutine_traits specialization) and awaitable (free operator
// co_await). get() blocks the calling thread until completion (it asserts
// on an STA); Completed(handler) registers the completion handler.
#pragma once
#include <coroutine>
#include <memory>
#include <utility>
#include <winrt/base.h>

namespace winrt::Windows::Foundation {
enum class AsyncStatus : int32_t { Started = 0, Completed = 1, Canceled = 2, Error = 3 };

struct IAsyncAction;
template <typename TResult> struct IAsyncOperation;

struct AsyncActionCompletedHandler {
  AsyncActionCompletedHandler(std::nullptr_t = nullptr) noexcept;
  template <typename L>
  AsyncActionCompletedHandler(L handler) : m_ptr(std::make_shared<L>(std::move(handler))) {}
  void operator()(IAsyncAction const &asyncInfo, AsyncStatus asyncStatus) const;

private:
  std::shared_ptr<void> m_ptr;
};
template <typename TResult> struct AsyncOperationCompletedHandler {
  AsyncOperationCompletedHandler(std::nullptr_t = nullptr) noexcept;
  template <typename L>
  AsyncOperationCompletedHandler(L handler) : m_ptr(std::make_shared<L>(std::move(handler))) {}
  void operator()(IAsyncOperation<TResult> const &asyncInfo,
                  AsyncStatus asyncStatus) const;

private:
  std::shared_ptr<void> m_ptr;
};

struct IAsyncInfo : IInspectable {
  uint32_t Id() const;
  AsyncStatus Status() const;
  void Cancel() const;
  void Close() const;
};

struct IAsyncAction : IInspectable {
  IAsyncAction(std::nullptr_t = nullptr) noexcept {}
  void Completed(AsyncActionCompletedHandler const &handler) const;
  AsyncActionCompletedHandler Completed() const;
  void GetResults() const;
  AsyncStatus Status() const;
  void Cancel() const;
  void get() const;
  AsyncStatus wait_for(int64_t timeout) const;
};

template <typename TResult> struct IAsyncOperation : IInspectable {
  IAsyncOperation(std::nullptr_t = nullptr) noexcept {}
  void Completed(AsyncOperationCompletedHandler<TResult> const &handler) const;
  AsyncOperationCompletedHandler<TResult> Completed() const;
  TResult GetResults() const;
  AsyncStatus Status() const;
  void Cancel() const;
  TResult get() const;
  AsyncStatus wait_for(int64_t timeout) const;
};
} // namespace winrt::Windows::Foundation

namespace winrt::impl {
template <typename Async> struct await_adapter {
  Async const &async;
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<>);
  auto await_resume() const { return async.GetResults(); }
};
template <typename AsyncInterface> struct promise_base {
  AsyncInterface get_return_object() const noexcept;
  std::suspend_never initial_suspend() const noexcept { return {}; }
  std::suspend_always final_suspend() const noexcept { return {}; }
  void unhandled_exception() const noexcept {}
};
} // namespace winrt::impl

namespace winrt::Windows::Foundation {
inline impl::await_adapter<IAsyncAction> operator co_await(IAsyncAction const &async) {
  return {async};
}
template <typename TResult>
impl::await_adapter<IAsyncOperation<TResult>>
operator co_await(IAsyncOperation<TResult> const &async) {
  return {async};
}
} // namespace winrt::Windows::Foundation

template <typename... Args>
struct std::coroutine_traits<winrt::Windows::Foundation::IAsyncAction, Args...> {
  struct promise_type
      : winrt::impl::promise_base<winrt::Windows::Foundation::IAsyncAction> {
    void return_void() const noexcept {}
  };
};
template <typename TResult, typename... Args>
struct std::coroutine_traits<winrt::Windows::Foundation::IAsyncOperation<TResult>, Args...> {
  struct promise_type
      : winrt::impl::promise_base<winrt::Windows::Foundation::IAsyncOperation<TResult>> {
    void return_value(TResult const &) {}
  };
};

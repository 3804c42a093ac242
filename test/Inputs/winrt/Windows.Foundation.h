// Mock of winrt/Windows.Foundation.h (C++/WinRT projection). IAsyncAction
// and IAsyncOperation<T> are coroutine return types (promise from a
// std::coroutine_traits specialization) and awaitable (free operator
// co_await). get() blocks the calling thread until completion (it asserts
// on an STA); Completed(handler) registers the completion handler. Those
// members live in CRTP bases in winrt::impl, as in the real projection.
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

struct IAsyncInfo;
} // namespace winrt::Windows::Foundation

// As in the projection, the members callers use (get, Completed,
// GetResults...) are not declared in IAsyncAction itself but in a CRTP
// base, impl::consume_Windows_Foundation_IAsyncAction<D>, that the
// interface inherits through impl::consume_t.
namespace winrt::impl {
template <typename Async> void wait_get(Async const &async);
template <typename D> struct consume_Windows_Foundation_IAsyncInfo {
  uint32_t Id() const;
  Windows::Foundation::AsyncStatus Status() const;
  void Cancel() const;
  void Close() const;
};
template <typename D> struct consume_Windows_Foundation_IAsyncAction {
  void Completed(Windows::Foundation::AsyncActionCompletedHandler const &handler) const;
  [[nodiscard]] Windows::Foundation::AsyncActionCompletedHandler Completed() const;
  void GetResults() const;
  void get() const;
  Windows::Foundation::AsyncStatus wait_for(int64_t timeout) const;
};
template <typename D, typename TResult>
struct consume_Windows_Foundation_IAsyncOperation {
  void Completed(Windows::Foundation::AsyncOperationCompletedHandler<TResult> const &handler) const;
  [[nodiscard]] Windows::Foundation::AsyncOperationCompletedHandler<TResult> Completed() const;
  TResult GetResults() const;
  TResult get() const;
  Windows::Foundation::AsyncStatus wait_for(int64_t timeout) const;
};
} // namespace winrt::impl

namespace winrt::Windows::Foundation {
struct IAsyncInfo : IInspectable, impl::consume_Windows_Foundation_IAsyncInfo<IAsyncInfo> {
  IAsyncInfo(std::nullptr_t = nullptr) noexcept {}
};

struct IAsyncAction : IInspectable,
                      impl::consume_Windows_Foundation_IAsyncAction<IAsyncAction>,
                      impl::consume_Windows_Foundation_IAsyncInfo<IAsyncAction> {
  IAsyncAction(std::nullptr_t = nullptr) noexcept {}
};

template <typename TResult>
struct IAsyncOperation
    : IInspectable,
      impl::consume_Windows_Foundation_IAsyncOperation<IAsyncOperation<TResult>, TResult>,
      impl::consume_Windows_Foundation_IAsyncInfo<IAsyncOperation<TResult>> {
  IAsyncOperation(std::nullptr_t = nullptr) noexcept {}
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

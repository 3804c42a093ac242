// Mock of arrow/util/future.h. Arrow has no separate promise: the producer
// makes a Future with Future<T>::Make() and completes that same object with
// MarkFinished(); callbacks added with AddCallback/Then run synchronously
// inside MarkFinished unless CallbackOptions say otherwise. result() and
// Wait() block until the future is finished.
#pragma once
#include <arrow/status.h>
#include <functional>
#include <memory>
#include <type_traits>
#include <utility>
#include <vector>

namespace arrow {
namespace internal {
struct Empty {
  static Result<Empty> ToResult(Status s);
};
template <typename Signature> class FnOnce;
template <typename R, typename... A> class FnOnce<R(A...)> {
public:
  FnOnce() = default;
  template <typename Fn> FnOnce(Fn fn) : impl_(std::make_shared<Fn>(std::move(fn))) {}
  R operator()(A... a) &&;

private:
  std::shared_ptr<void> impl_;
};
class Executor;
} // namespace internal

enum class FutureState : signed char { PENDING, SUCCESS, FAILURE };
enum class ShouldSchedule { Never = 0, IfUnfinished = 1, Always = 2, IfDifferentExecutor = 3 };

struct CallbackOptions {
  ShouldSchedule should_schedule = ShouldSchedule::Never;
  internal::Executor *executor = nullptr;
  static CallbackOptions Defaults() { return {}; }
};

// The shared state: callbacks are stored type-erased and run by
// MarkFinished on the completing thread.
class FutureImpl {
public:
  using Callback = internal::FnOnce<void(const FutureImpl &)>;
  void AddCallback(Callback callback, CallbackOptions opts) {
    callbacks_.push_back({std::move(callback), opts});
  }
  void MarkFinished();

private:
  struct CallbackRecord {
    Callback callback;
    CallbackOptions options;
  };
  std::vector<CallbackRecord> callbacks_;
};

template <typename T = internal::Empty> class Future {
public:
  using ValueType = T;
  using SyncType = Result<T>;

  Future() = default;
  static Future Make();
  static Future MakeFinished(Result<ValueType> res);

  FutureState state() const;
  bool is_finished() const;
  bool is_valid() const;
  const Result<ValueType> &result() const &;
  Result<ValueType> &&MoveResult();
  Status status() const;
  void Wait() const;
  bool Wait(double seconds) const;

  void MarkFinished(Result<ValueType> res);
  template <typename E = ValueType,
            typename = std::enable_if_t<std::is_same_v<E, internal::Empty>>>
  void MarkFinished(Status s = Status::OK());

  template <typename OnComplete>
  void AddCallback(OnComplete on_complete,
                   CallbackOptions opts = CallbackOptions::Defaults()) const {
    impl_->AddCallback(
        [on_complete = std::move(on_complete)](const FutureImpl &impl) mutable {
          on_complete(Result<ValueType>(Status::OK()));
        },
        opts);
  }
  template <typename OnSuccess>
  Future<> Then(OnSuccess on_success,
                CallbackOptions options = CallbackOptions::Defaults()) const {
    auto next = Future<>::Make();
    AddCallback([next, on_success = std::move(on_success)](
                    const Result<ValueType> &result) mutable {
      on_success(*result);
      next.MarkFinished();
    }, options);
    return next;
  }

private:
  std::shared_ptr<FutureImpl> impl_;
};

template <typename T = internal::Empty> Future<T> DeferNotOk(Result<Future<T>> maybe_future);
} // namespace arrow

// Mock of seastar/core/smp.hh: submit_to(shard, func) runs func on another
// shard (another thread) and returns a future of its result; the callable
// is moved into a message queued for that shard.
#pragma once
#include <seastar/core/future.hh>
#include <seastar/util/noncopyable_function.hh>
#include <type_traits>
#include <deque>
#include <memory>
#include <utility>

namespace seastar {
using shard_id = unsigned;
shard_id this_shard_id() noexcept;

class smp_message_queue {
  struct work_item {
    virtual ~work_item() = default;
    virtual void process() = 0;
  };
  template <typename Func> struct async_work_item : work_item {
    using result_type = std::invoke_result_t<Func>;
    using future_type = futurize_t<result_type>;
    Func _func;
    promise<typename future_type::value_type> _pr;
    explicit async_work_item(Func &&func) : _func(std::move(func)) {}
    void process() override {
      if constexpr (std::is_same_v<result_type, future_type>) {
        (void)_func(); // the real queue forwards the future's result to _pr
      } else if constexpr (std::is_void_v<result_type>) {
        _func();
        _pr.set_value();
      } else {
        _pr.set_value(_func());
      }
    }
    future_type get_future() { return _pr.get_future(); }
  };
  std::deque<std::unique_ptr<work_item>> _pending;
  void submit_item(std::unique_ptr<work_item> item) {
    _pending.push_back(std::move(item));
  }

public:
  // The callable is moved into a heap work item queued for the other shard.
  template <typename Func>
  futurize_t<std::invoke_result_t<Func>> submit(Func &&func) {
    auto wi = std::make_unique<async_work_item<Func>>(std::forward<Func>(func));
    auto fut = wi->get_future();
    submit_item(std::move(wi));
    return fut;
  }
};

class smp {
  static smp_message_queue **_qs;

public:
  template <typename Func>
  static futurize_t<std::invoke_result_t<Func>> submit_to(shard_id t, Func &&func) noexcept {
    return _qs[t][this_shard_id()].submit(std::forward<Func>(func));
  }
  static shard_id count;
};

} // namespace seastar

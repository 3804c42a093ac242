// Mock of seastar/core/timer.hh. The callback is stored in a
// noncopyable_function member; arm() schedules it on this shard's reactor,
// cancel() unschedules it, and the destructor cancels a queued timer.
#pragma once
#include <chrono>
#include <optional>
#include <seastar/core/future.hh>
#include <seastar/util/noncopyable_function.hh>

namespace seastar {
using steady_clock_type = std::chrono::steady_clock;

template <typename Clock = steady_clock_type> class timer {
public:
  typedef typename Clock::time_point time_point;
  typedef typename Clock::duration duration;
  typedef Clock clock;

private:
  using callback_t = noncopyable_function<void()>;
  callback_t _callback;
  time_point _expiry;
  std::optional<duration> _period;
  bool _armed = false;
  bool _queued = false;

public:
  timer() = default;
  timer(timer &&t) noexcept;
  explicit timer(callback_t &&callback) noexcept : _callback(std::move(callback)) {}
  ~timer() {
    if (_queued)
      cancel();
  }
  void set_callback(callback_t &&callback) noexcept {
    _callback = std::move(callback);
  }
  void arm(time_point until, std::optional<duration> period = {}) noexcept;
  void rearm(time_point until, std::optional<duration> period = {}) noexcept;
  void arm(duration delta) noexcept;
  void arm_periodic(duration delta) noexcept;
  void rearm_periodic(duration delta) noexcept;
  bool armed() const noexcept { return _armed; }
  bool cancel() noexcept;
  time_point get_timeout() const noexcept { return _expiry; }
};
} // namespace seastar

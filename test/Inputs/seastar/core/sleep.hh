// Mock of seastar/core/sleep.hh: sleep() returns a future; it does not
// block the reactor.
#pragma once
#include <chrono>
#include <seastar/core/future.hh>
#include <seastar/core/timer.hh>

namespace seastar {
template <typename Clock = steady_clock_type, typename Rep, typename Period>
future<> sleep(std::chrono::duration<Rep, Period> dur) noexcept;
} // namespace seastar

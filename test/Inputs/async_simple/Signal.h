// Mock of async_simple/Signal.h: a Signal is emitted, a Slot observes it.
#pragma once

namespace async_simple {
enum class SignalType : unsigned { None = 0, Terminate = 1 };
class Slot {
public:
  bool canceled() const noexcept;
  bool hasTriggered(SignalType) const noexcept;
};
class Signal {
public:
  SignalType emits(SignalType) noexcept;
  Slot *getSlot();
};
} // namespace async_simple

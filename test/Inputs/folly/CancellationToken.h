// Mock of folly/CancellationToken.h.
#pragma once

namespace folly {
class CancellationToken {
public:
  CancellationToken() noexcept = default;
  bool isCancellationRequested() const noexcept;
  bool canBeCancelled() const noexcept;
};
class CancellationSource {
public:
  CancellationToken getToken() const noexcept;
  bool requestCancellation() const noexcept;
  bool isCancellationRequested() const noexcept;
};
} // namespace folly

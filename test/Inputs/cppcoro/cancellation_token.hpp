// Mock of cppcoro/cancellation_token.hpp and cancellation_source.hpp.
#pragma once

namespace cppcoro {
class cancellation_token {
public:
  cancellation_token() noexcept;
  bool can_be_cancelled() const noexcept;
  bool is_cancellation_requested() const noexcept;
  void throw_if_cancellation_requested() const;
};
class cancellation_source {
public:
  cancellation_source();
  bool can_be_cancelled() const noexcept;
  cancellation_token token() const noexcept;
  void request_cancellation();
  bool is_cancellation_requested() const noexcept;
};
} // namespace cppcoro

// Mock of arrow/status.h and arrow/result.h: Result<T> is an expected-like
// value-or-error type; ValueOrDie()/operator* are not waits.
#pragma once
#include <string>
#include <utility>

namespace arrow {
class Status {
public:
  Status() noexcept = default;
  static Status OK() { return Status(); }
  bool ok() const { return true; }
  std::string ToString() const;
};
template <typename T> class Result {
public:
  Result(T value) : value_(std::move(value)) {}
  Result(const Status &status);
  bool ok() const;
  const Status &status() const;
  const T &ValueOrDie() const &;
  T ValueOrDie() &&;
  const T &operator*() const &;
  T ValueOr(T alternative) const &;

private:
  T value_;
};
} // namespace arrow

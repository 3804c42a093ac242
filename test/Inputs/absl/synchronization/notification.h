// Mock of absl/synchronization/notification.h: a one-shot event.
// WaitForNotification() blocks the calling thread until Notify().
#pragma once
#include <absl/synchronization/mutex.h>
#include <atomic>

namespace absl {
class Notification {
public:
  Notification() : notified_yet_(false) {}
  explicit Notification(bool prenotify) : notified_yet_(prenotify) {}
  bool HasBeenNotified() const {
    return notified_yet_.load(std::memory_order_acquire);
  }
  void WaitForNotification() const;
  void Notify();

private:
  mutable Mutex mutex_;
  std::atomic<bool> notified_yet_;
};
} // namespace absl

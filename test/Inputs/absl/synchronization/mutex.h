// Mock of absl/synchronization/mutex.h. absl::Mutex locks with Lock() /
// Unlock() (and, since 2024, the lowercase lock()/unlock() aliases); the
// RAII guards take a Mutex* (older releases) or Mutex& and lock in the
// constructor. ReleasableMutexLock can be released early with Release().
#pragma once

namespace absl {
class Condition;

class Mutex {
public:
  constexpr Mutex() noexcept {}
  ~Mutex();
  void Lock();
  void Unlock();
  bool TryLock();
  void ReaderLock();
  void ReaderUnlock();
  void WriterLock() { this->Lock(); }
  void WriterUnlock() { this->Unlock(); }
  void lock() { Lock(); }
  void unlock() { Unlock(); }
  void lock_shared() { ReaderLock(); }
  void unlock_shared() { ReaderUnlock(); }
  void Await(const Condition &cond);
  void AssertHeld() const;
};

class MutexLock {
public:
  explicit MutexLock(Mutex *mu) : mu_(mu) { this->mu_->Lock(); }
  explicit MutexLock(Mutex &mu) : MutexLock(&mu) {}
  MutexLock(const MutexLock &) = delete;
  MutexLock &operator=(const MutexLock &) = delete;
  ~MutexLock() { this->mu_->Unlock(); }

private:
  Mutex *const mu_;
};

class ReaderMutexLock {
public:
  explicit ReaderMutexLock(Mutex *mu) : mu_(mu) { mu->ReaderLock(); }
  ~ReaderMutexLock() { this->mu_->ReaderUnlock(); }

private:
  Mutex *const mu_;
};

class ReleasableMutexLock {
public:
  explicit ReleasableMutexLock(Mutex *mu) : mu_(mu) { this->mu_->Lock(); }
  explicit ReleasableMutexLock(Mutex &mu) : ReleasableMutexLock(&mu) {}
  ~ReleasableMutexLock() {
    if (this->mu_ != nullptr)
      this->mu_->Unlock();
  }
  void Release() {
    this->mu_->Unlock();
    this->mu_ = nullptr;
  }

private:
  Mutex *mu_;
};
} // namespace absl

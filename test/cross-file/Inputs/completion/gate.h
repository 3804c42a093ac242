#pragma once
#include <coroutine>

// A home-made primitive no table names: open() resumes its waiters inline.
class Gate {
public:
  struct Awaiter {
    Gate &Owner;
    std::coroutine_handle<> Handle;
    Awaiter *Next = nullptr;
    bool await_ready() const noexcept { return false; }
    void await_suspend(std::coroutine_handle<> H) noexcept {
      Handle = H;
      Next = Owner.Waiters;
      Owner.Waiters = this;
    }
    void await_resume() const noexcept {}
  };
  Awaiter operator co_await() noexcept { return {*this}; }
  void open() noexcept {
    for (Awaiter *W = Waiters; W; W = W->Next)
      W->Handle.resume();
  }

private:
  Awaiter *Waiters = nullptr;
};

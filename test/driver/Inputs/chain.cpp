#include <coroutine>
#include <future>
struct task {
  struct promise_type {
    task get_return_object() { return {}; }
    std::suspend_never initial_suspend() { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};
int load(std::future<int> &f) { return f.get(); }
task handle(std::future<int> f) {
  load(f);
  co_return;
}

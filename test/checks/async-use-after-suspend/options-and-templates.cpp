// RUN: %check_async_tidy --check-suffixes=,MAP %s async-use-after-suspend %t
// RUN: %check_async_tidy %s async-use-after-suspend %t.stable -- \
// RUN:   --config="{CheckOptions: {async-use-after-suspend.StableContainers: 'std::map;app::.*'}}"

// StableContainers names containers whose element references the project
// knows stay valid; templates are reported once, whatever the number of
// instantiations; a co_await inside the binding's own initializer comes
// before the binding.

#include <map>
#include <vector>
#include "cppcoro/task.hpp"

cppcoro::task<int> fetch(int key);

namespace app {
// A home-made container: begin(), end() and a member that removes.
template <class T> class slot_list {
public:
  T *begin();
  T *end();
  T &front();
  void erase(T *);
};
} // namespace app

std::map<int, int> totals;
std::vector<int> samples;
app::slot_list<int> slots;

cppcoro::task<int> stable_by_option() {
  int &total = totals[1];
  int &slot = slots.front();
  co_await fetch(1);
  co_return total + slot;
  // CHECK-MESSAGES-MAP: :[[@LINE-1]]:13: warning: reference 'total' into global 'totals' is used after a co_await; {{.*}}
  // CHECK-MESSAGES-MAP: :[[@LINE-2]]:21: warning: reference 'slot' into global 'slots' is used after a co_await; {{.*}}
}

// Not named by the option: reported in both runs.
cppcoro::task<int> vector_element() {
  int &sample = samples[0];
  co_await fetch(1);
  co_return sample;
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: reference 'sample' into global 'samples' is used after a co_await; {{.*}}
}

// One finding for the template, instantiated twice.
template <class Key> cppcoro::task<int> generic(Key key) {
  auto it = samples.begin();
  co_await fetch(static_cast<int>(key));
  co_return *it;
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: iterator 'it' into global 'samples' is used after a co_await; {{.*}}
}
template cppcoro::task<int> generic<int>(int);
template cppcoro::task<int> generic<long>(long);

// The suspension in the initializer happens before the binding exists.
cppcoro::task<int> awaited_index() {
  int &sample = samples[co_await fetch(1)];
  co_return sample;
}

#include <vendor_waits.h>

// Spelled by a system-header macro, expanded here: its text is in the
// header, so it is reported only under --system-headers.
VENDOR_DEFINE_WAITER(macro_waiter)

// A namespace that a system header also opens.
namespace vendor {
task reopened(std::future<int> f) {
  f.get();
  co_return;
}
} // namespace vendor

// A lambda whose call operator a system template instantiates.
void lambda_passed_to_library(std::future<int> f) {
  vendor::run_now([&f]() -> task {
    f.get();
    co_return;
  });
}

// A user template instantiated for a system type.
template <class T> task user_template(std::future<T> f) {
  f.get();
  co_return;
}
template task user_template(std::future<int>);

// A declaration whose name a system-header macro spells, with a body written
// here: it is kept by where the macro is used, not where it is written.
VENDOR_ENTRY_POINT(f.get();)

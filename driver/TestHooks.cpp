//===--- TestHooks.cpp ----------------------------------------------------===//

#include "TestHooks.h"
#include <chrono>
#include <cstdlib>
#include <thread>

namespace async_tidy {

void runTestHooks(const TestHooks &Hooks, llvm::StringRef File) {
  if (!Hooks.CrashOn.empty() && File.contains(Hooks.CrashOn))
    abort();
  if (!Hooks.HangOn.empty() && File.contains(Hooks.HangOn))
    for (;;)
      std::this_thread::sleep_for(std::chrono::hours(1));
}

} // namespace async_tidy

//===--- TestHooks.cpp ----------------------------------------------------===//

#include "TestHooks.h"
#include "CommandLine.h"
#include "llvm/Support/CommandLine.h"
#include <chrono>
#include <cstdlib>
#include <thread>

namespace async_tidy {

namespace {
llvm::cl::opt<std::string> WorkerCrashOn("worker-crash-on", llvm::cl::Hidden,
                                         llvm::cl::cat(driverOptionCategory()));
llvm::cl::opt<std::string> WorkerHangOn("worker-hang-on", llvm::cl::Hidden,
                                        llvm::cl::cat(driverOptionCategory()));
} // namespace

TestHooks testHooksFromFlags() { return {WorkerCrashOn, WorkerHangOn}; }

void runTestHooks(const TestHooks &Hooks, llvm::StringRef File) {
  if (!Hooks.CrashOn.empty() && File.contains(Hooks.CrashOn))
    abort();
  if (!Hooks.HangOn.empty() && File.contains(Hooks.HangOn))
    for (;;)
      std::this_thread::sleep_for(std::chrono::hours(1));
}

} // namespace async_tidy

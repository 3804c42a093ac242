//===--- TestHooks.h - Workers that crash or hang on purpose --------------===//
//
// Hidden flags for the tests of crash isolation and time limits
// (--worker-crash-on, --worker-hang-on): the analysis of a file whose path
// contains the text aborts, or never finishes.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_DRIVER_TESTHOOKS_H
#define ASYNC_TIDY_DRIVER_TESTHOOKS_H

#include "llvm/ADT/StringRef.h"
#include <string>

namespace async_tidy {

struct TestHooks {
  std::string CrashOn; ///< --worker-crash-on; empty: never.
  std::string HangOn;  ///< --worker-hang-on; empty: never.
};

/// The hooks the hidden flags ask for.
TestHooks testHooksFromFlags();

/// Called just before \p File is analyzed: aborts or hangs as the hooks say.
void runTestHooks(const TestHooks &Hooks, llvm::StringRef File);

} // namespace async_tidy

#endif // ASYNC_TIDY_DRIVER_TESTHOOKS_H

//===--- ExitStatus.h - How async-tidy exits, and its error messages ------===//

#ifndef ASYNC_TIDY_DRIVER_EXITSTATUS_H
#define ASYNC_TIDY_DRIVER_EXITSTATUS_H

#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/Twine.h"
#include <cstdint>

namespace async_tidy {

enum ExitStatus : uint8_t { Clean = 0, Findings = 1, ToolError = 2 };

/// Prints "<Tool>: error: <Message>" and returns ToolError.
int fail(const llvm::Twine &Message, llvm::StringRef Tool = "async-tidy");

} // namespace async_tidy

#endif // ASYNC_TIDY_DRIVER_EXITSTATUS_H

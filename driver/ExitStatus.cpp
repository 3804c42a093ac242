//===--- ExitStatus.cpp ---------------------------------------------------===//

#include "ExitStatus.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace async_tidy {

int fail(const Twine &Message, StringRef Tool) {
  WithColor::error(errs(), Tool) << Message << "\n";
  return ToolError;
}

} // namespace async_tidy

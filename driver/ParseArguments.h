//===--- ParseArguments.h - LLVM's option parsing, errors said once -------===//

#ifndef ASYNC_TIDY_DRIVER_PARSEARGUMENTS_H
#define ASYNC_TIDY_DRIVER_PARSEARGUMENTS_H

#include "llvm/ADT/StringRef.h"

namespace async_tidy {

/// cl::ParseCommandLineOptions with its error printed once, as
/// "<Tool>: error: ..."; returns false after an error.
bool parseArguments(int Argc, const char *const *Argv, llvm::StringRef Overview,
                    llvm::StringRef Tool);

} // namespace async_tidy

#endif // ASYNC_TIDY_DRIVER_PARSEARGUMENTS_H

//===--- WorkerExit.h - How a worker's analysis of a file ended -----------===//
//
// async-tidy analyzes files in worker processes (ServingWorker.h) so that a
// file that crashes the front end or a check, or never finishes, costs only
// its own result. This reads what a worker left for one file: its exit
// status (or the status it answered with), what it printed, its result.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_DRIVER_WORKEREXIT_H
#define ASYNC_TIDY_DRIVER_WORKEREXIT_H

#include "AnalysisOutcome.h"
#include "llvm/ADT/StringRef.h"
#include <string>

namespace async_tidy {

/// What a worker that ended with \p Code (sys::Wait's: -1 it did not run,
/// -2 it crashed, 2 a usage error) left: \p Output is what it printed,
/// \p ResultPath its result.
AnalysisOutcome outcomeOfWorker(int Code, llvm::StringRef StatusMessage,
                                std::string Output,
                                llvm::StringRef ResultPath);

} // namespace async_tidy

#endif // ASYNC_TIDY_DRIVER_WORKEREXIT_H

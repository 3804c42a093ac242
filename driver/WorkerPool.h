//===--- WorkerPool.h - Worker processes that take files in turn ----------===//
//
// Runs async-tidy itself as Jobs serving workers (WorkerServe.h), each
// analyzing one file after another, so that a translation unit that crashes
// the front end or a check, or runs past the time limit, costs only its own
// findings: its worker is replaced and the next file goes to the new one.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_DRIVER_WORKERPOOL_H
#define ASYNC_TIDY_DRIVER_WORKERPOOL_H

#include "AnalysisOutcome.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include <string>
#include <vector>

namespace async_tidy {

struct WorkerLimits {
  unsigned TimeoutSeconds = 0; ///< Per file; 0: no limit.
  /// A worker is replaced after a file that leaves more than this much
  /// memory in use (MiB); 0: never.
  unsigned MemoryMiB = 0;
};

class WorkerPool {
public:
  /// A worker's command line is \p Args; each file is inserted before "--"
  /// (or at the end) for its analysis.
  WorkerPool(std::string Executable, std::vector<std::string> Args,
             unsigned Jobs, WorkerLimits Limits)
      : Executable(std::move(Executable)), Args(std::move(Args)), Jobs(Jobs),
        Limits(Limits) {}

  /// Calls \p OnDone once per file with its index in \p Files, in the order
  /// the analyses finish, and \p OnRunning with the indexes of the files
  /// being analyzed whenever they change and about once a second (for a
  /// progress display).
  void run(const std::vector<std::string> &Files,
           llvm::function_ref<void(size_t, AnalysisOutcome)> OnDone,
           llvm::function_ref<void(llvm::ArrayRef<size_t>)> OnRunning = {});

private:
  std::string Executable;
  std::vector<std::string> Args;
  unsigned Jobs;
  WorkerLimits Limits;
};

} // namespace async_tidy

#endif // ASYNC_TIDY_DRIVER_WORKERPOOL_H

//===--- WorkerPool.h - One process per translation unit ------------------===//
//
// Runs async-tidy itself as a worker for each file, at most Jobs at a time,
// so that a translation unit that crashes the front end or a check, or runs
// past the time limit, costs only its own findings.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_DRIVER_WORKERPOOL_H
#define ASYNC_TIDY_DRIVER_WORKERPOOL_H

#include "AnalysisOutcome.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include <optional>
#include <string>
#include <vector>

namespace async_tidy {

class WorkerPool {
public:
  /// A worker's command line is \p Args with "--worker-output=<file>" and the
  /// file to analyze inserted before "--" (or at the end).
  WorkerPool(std::string Executable, std::vector<std::string> Args,
             unsigned Jobs, unsigned TimeoutSeconds)
      : Executable(std::move(Executable)), Args(std::move(Args)), Jobs(Jobs),
        TimeoutSeconds(TimeoutSeconds) {}

  /// Calls \p OnDone once per file with its index in \p Files, in the order
  /// the workers finish, and \p OnRunning with the indexes of the files
  /// being analyzed whenever they change and about once a second (for a
  /// progress display).
  void run(const std::vector<std::string> &Files,
           llvm::function_ref<void(size_t, AnalysisOutcome)> OnDone,
           llvm::function_ref<void(llvm::ArrayRef<size_t>)> OnRunning = {});

private:
  std::string Executable;
  std::vector<std::string> Args;
  unsigned Jobs;
  unsigned TimeoutSeconds; ///< 0: no limit.
};

} // namespace async_tidy

#endif // ASYNC_TIDY_DRIVER_WORKERPOOL_H

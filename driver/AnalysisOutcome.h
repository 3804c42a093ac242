//===--- AnalysisOutcome.h - How the analysis of one file ended -----------===//
//
// What the -j pool, the in-process analysis and the language server get back
// for a file: its result, or why there is none.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_DRIVER_ANALYSISOUTCOME_H
#define ASYNC_TIDY_DRIVER_ANALYSISOUTCOME_H

#include "WorkerResult.h"
#include "llvm/ADT/Twine.h"
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace async_tidy {

struct AnalysisOutcome {
  std::optional<WorkerResult> Result;
  /// Why there is no result, in words for the user: a crash, the time
  /// limit, a tool error.
  std::string Failure;
  /// What the analysis printed (check profiles, a crash's stack dump).
  std::string Output;
  /// Wall milliseconds the analysis took; for a cached result, the analysis
  /// that made it. Balances --shard.
  uint64_t CostMs = 0;

  static uint64_t
  millisecondsSince(std::chrono::steady_clock::time_point Start) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::steady_clock::now() - Start)
        .count();
  }

  static AnalysisOutcome failure(const llvm::Twine &Why,
                                 std::string Output = "") {
    return {std::nullopt, Why.str(), std::move(Output)};
  }
};

} // namespace async_tidy

#endif // ASYNC_TIDY_DRIVER_ANALYSISOUTCOME_H

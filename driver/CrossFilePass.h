//===--- CrossFilePass.h - Following calls across a run's files -----------===//
//
// A run over several files follows calls into the other files in two passes.
// The first analyzes every file as usual and records its summary
// (model/Summaries.h); the summaries are joined into a project index
// (model/ProjectIndex.h). The second judges again, with the index, only the
// files that call a function of another file about which the index says
// something; the others keep their first result. The second result is
// cached under what the index says about those functions, so an edit to a
// helper re-judges exactly the files that call it.
//
// A part of a sharded run stops after the first pass and writes its files'
// summaries (ShardReport.h); `async-tidy merge` joins the parts' into the
// project index, which every part is then given.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_DRIVER_CROSSFILEPASS_H
#define ASYNC_TIDY_DRIVER_CROSSFILEPASS_H

#include "AnalysisOutcome.h"
#include "Shard.h"
#include "checks/model/ProjectIndex.h"
#include "llvm/Support/Error.h"
#include <optional>
#include <string>
#include <vector>

namespace async_tidy {

/// Calls are followed across files up to this many functions deep; each
/// check cuts the way at its MaxCallDepth.
inline constexpr unsigned MaxCrossFileSteps = 16;

/// The checks' option that names the summary index they read.
inline constexpr llvm::StringLiteral SummaryIndexOption = "SummaryIndex";

/// The index of the summaries the outcomes carry.
clang::tidy::async::model::ProjectIndex
joinSummaries(const std::vector<std::optional<AnalysisOutcome>> &Outcomes);

/// What \p Index says about the functions of other files that the
/// translation unit of \p Summary calls from async context, as text; empty
/// when it says nothing, and the first pass's findings stand.
std::string
crossFileInputs(const llvm::json::Value &Summary,
                const clang::tidy::async::model::ProjectIndex &Index);

/// Writes \p Index to \p Path atomically.
llvm::Error
writeSummaryIndex(llvm::StringRef Path,
                  const clang::tidy::async::model::ProjectIndex &Index);

/// Writes the summaries the outcomes of the files of \p Shard carry to
/// \p Path atomically, for `async-tidy merge`.
llvm::Error writeShardSummaries(
    llvm::StringRef Path, const ShardPlan &Shard,
    const std::vector<std::optional<AnalysisOutcome>> &Outcomes);

/// \p Args with \p Flag added before the compile flags after "--", if any.
std::vector<std::string> withFlag(std::vector<std::string> Args,
                                  std::string Flag);

} // namespace async_tidy

#endif // ASYNC_TIDY_DRIVER_CROSSFILEPASS_H

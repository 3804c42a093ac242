//===--- ShardReport.h - What a shard's report carries for the merge ------===//
//
// A report written with --shard records the split and which findings came
// from which file, so that `async-tidy merge` can report the files in the
// whole run's order and drop a header's finding that another file reported
// first, as a single run does:
//
//   "shard": {"tool": "async-tidy 0.1.0 (LLVM 19.1.7)", "index": 2, "count": 3,
//             "files": ["/abs/a.cpp", "/abs/b.cpp", ...],
//             "analyzed": [{"position": 1, "findings": 2, "costMs": 830}]}
//
// tool is the build that wrote it, which the merge must be; files lists
// the whole run's files; analyzed, this shard's, in order: the
// position in files, how many of the report's findings came from that
// file's translation unit, and how long its analysis took. A JSON report
// has the object at its top level; a SARIF log has the shard's JSON report,
// object included, under runs[0].properties.asyncTidyShard, since SARIF
// keeps no byte offsets.
//
// A part of a run that follows calls across files first writes its files'
// summaries (--shard with --write-summary-index), which the merge joins into
// the project index the parts then judge their files with:
//
//   {"version": 1, "shard": {...}, "summaries": [{...}, null, ...]}
//
// with the same "shard" object (no findings), and one summary per analyzed
// file, in order: null for a file that has none (it could not be analyzed).
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_DRIVER_SHARDREPORT_H
#define ASYNC_TIDY_DRIVER_SHARDREPORT_H

#include "AnalysisOutcome.h"
#include "Shard.h"
#include "llvm/Support/JSON.h"
#include <string>
#include <vector>

namespace async_tidy {

/// What the report of one shard file records.
struct ShardFileRecord {
  size_t Findings = 0;
  uint64_t CostMs = 0;
};

/// The "shard" object; \p Records has one entry per file of the shard.
llvm::json::Object shardRecord(const ShardPlan &Shard,
                               llvm::ArrayRef<ShardFileRecord> Records);

/// Puts the shard's JSON report (with its "shard" object) into \p SarifLog.
void embedShardReport(llvm::json::Object &SarifLog,
                      llvm::json::Object JsonReport);

/// A part's summaries document; \p Summaries has one entry per file of the
/// shard, null for a file without one.
llvm::json::Object shardSummaries(const ShardPlan &Shard,
                                  llvm::ArrayRef<ShardFileRecord> Records,
                                  llvm::json::Array Summaries);

/// A shard's report or summaries read back: the plan, and the outcome and
/// cost of each of its files.
struct ShardReport {
  std::string Path;
  std::string Format; ///< json, sarif, or summaries
  ShardPlan Plan;
  /// One per plan position; of summaries, a result with only the summary.
  std::vector<AnalysisOutcome> Outcomes;
  std::vector<uint64_t> CostsMs;
};

llvm::Expected<ShardReport> readShardReport(llvm::StringRef Path);

} // namespace async_tidy

#endif // ASYNC_TIDY_DRIVER_SHARDREPORT_H

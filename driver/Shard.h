//===--- Shard.h - One part of a run split over several machines ----------===//
//
// --shard=K/N analyzes the K-th of N parts of the run's files. Every shard
// computes the same split from the same inputs (the planned files and the
// costs passed with --shard-costs), so each file is analyzed by exactly one
// of them; `async-tidy merge` checks that it was.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_DRIVER_SHARD_H
#define ASYNC_TIDY_DRIVER_SHARD_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Error.h"
#include <cstdint>
#include <string>
#include <vector>

namespace async_tidy {

/// Which part of the run's files a run analyzes: what its reports record
/// for the merge.
struct ShardPlan {
  unsigned Index = 0; ///< 1-based.
  unsigned Count = 0;
  /// Every file of the whole run, in the order a single run reports them.
  std::vector<std::string> Files;
  /// This shard's files: ascending positions in Files.
  std::vector<size_t> Positions;
};

/// Parses "K/N" (1 <= K <= N) into a plan with Index and Count set.
llvm::Expected<ShardPlan> parseShard(llvm::StringRef Text);

/// Absolute file path -> analysis milliseconds.
using ShardCosts = llvm::StringMap<uint64_t>;

/// The costs file `async-tidy merge --write-costs` writes and --shard-costs
/// reads: {"version": 1, "costs": {"src/a.cpp": 1234, ...}}, files under the
/// current folder relative to it.
llvm::Expected<ShardCosts> readShardCosts(llvm::StringRef Path);
llvm::Error writeShardCosts(llvm::StringRef Path, const ShardCosts &Costs);

/// The 0-based shard of each of \p Files: longest first (by \p Costs; a file
/// without a cost counts as the average of those with one), each onto the
/// least loaded shard; equal costs in path order. Without costs that deals
/// the files out in path order, so the shards differ by one file at most.
std::vector<unsigned> assignShards(llvm::ArrayRef<std::string> Files,
                                   unsigned Count, const ShardCosts &Costs);

} // namespace async_tidy

#endif // ASYNC_TIDY_DRIVER_SHARD_H

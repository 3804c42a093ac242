//===--- MergeCommand.h - `async-tidy merge` ------------------------------===//

#ifndef ASYNC_TIDY_DRIVER_MERGECOMMAND_H
#define ASYNC_TIDY_DRIVER_MERGECOMMAND_H

namespace async_tidy {

/// Joins the reports of a run's shards (--shard) into the report the whole
/// run would have written. \p Argv[0] is "merge"; the rest are its options
/// and the reports. Returns the exit status the whole run would have had,
/// or 2 for reports that cannot be merged. The parts' summaries (--shard
/// with --write-summary-index) are joined into the run's summary index
/// instead.
int runMerge(int Argc, const char **Argv);

} // namespace async_tidy

#endif // ASYNC_TIDY_DRIVER_MERGECOMMAND_H

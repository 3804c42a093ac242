//===--- ReportRoot.h - JSON reports that name files relatively -----------===//
//
// A report written where its files will not be read again (a Bazel action's
// execution root, a sandbox, a remote worker) names the files under a folder
// relative to it, so that `async-tidy merge` run in the checkout finds them
// and the report is the same wherever the action ran.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_DRIVER_REPORTROOT_H
#define ASYNC_TIDY_DRIVER_REPORTROOT_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/JSON.h"

namespace async_tidy {

/// Rewrites every file name of the JSON report \p Report (findings, notes,
/// fixes, ranges, build directories, failed and unanalyzed files, a shard's
/// files) that lies under \p Root to a path relative to it ("." for
/// \p Root itself). A relative \p Root is taken from the current folder.
/// Names outside \p Root are left as they are.
void relativizeReport(llvm::json::Object &Report, llvm::StringRef Root);

} // namespace async_tidy

#endif // ASYNC_TIDY_DRIVER_REPORTROOT_H

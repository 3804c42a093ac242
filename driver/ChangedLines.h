//===--- ChangedLines.h - Lines a change touched (pull-request mode) ------===//

#ifndef ASYNC_TIDY_DRIVER_CHANGEDLINES_H
#define ASYNC_TIDY_DRIVER_CHANGEDLINES_H

#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Error.h"
#include <utility>
#include <vector>

namespace async_tidy {

/// For each file (absolute path): the line ranges [first, last] that the
/// working tree adds or changes relative to a git revision.
class ChangedLines {
public:
  /// Runs `git diff -U0 <Rev>` in the repository that holds the current
  /// directory.
  static llvm::Expected<ChangedLines> sinceRevision(llvm::StringRef Rev);
  /// Parses unified diff text with zero context, paths relative to \p Top.
  static ChangedLines parse(llvm::StringRef Diff, llvm::StringRef Top);

  bool contains(llvm::StringRef File, unsigned Line) const;

private:
  llvm::StringMap<std::vector<std::pair<unsigned, unsigned>>> Ranges;
};

} // namespace async_tidy

#endif // ASYNC_TIDY_DRIVER_CHANGEDLINES_H

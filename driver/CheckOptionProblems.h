//===--- CheckOptionProblems.h - CheckOptions no check can use ------------===//
//
// clang-tidy reads check options by name and ignores the names no check
// reads: a misspelt option silently does nothing. It reports a value a
// check cannot parse only once the check is made for a file. Both are found
// here before a run, for --verify-config and the run's warnings.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_DRIVER_CHECKOPTIONPROBLEMS_H
#define ASYNC_TIDY_DRIVER_CHECKOPTIONPROBLEMS_H

#include "clang-tidy/ClangTidyOptions.h"
#include <string>
#include <vector>

namespace async_tidy {

struct CheckOptionProblems {
  /// Option names no check reads, as clang-tidy's --verify-config words
  /// them ("unknown check option 'x' in <source>; did you mean 'y'?").
  std::vector<std::string> UnknownNames;
  /// Values the checks enabled for the file reject ("invalid configuration
  /// value 'four' for option 'MaxCallDepth'; expected an integer").
  std::vector<std::string> BadValues;
};

/// The problems of the CheckOptions of every configuration source that
/// applies to \p File; bad values only with \p WithValues (that makes the
/// enabled checks).
CheckOptionProblems
findCheckOptionProblems(clang::tidy::ClangTidyOptionsProvider &Provider,
                        llvm::StringRef File, bool WithValues);

} // namespace async_tidy

#endif // ASYNC_TIDY_DRIVER_CHECKOPTIONPROBLEMS_H

//===--- ConfigReview.h - What a run's configuration gets wrong -----------===//
//
// Check names and option names this build does not know are warnings (a
// shared .clang-tidy may be written for another clang-tidy release), printed
// once by the run and reported by --verify-config; option values a check
// rejects are errors there too, as they are for the run.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_DRIVER_CONFIGREVIEW_H
#define ASYNC_TIDY_DRIVER_CONFIGREVIEW_H

#include "CommandLine.h"
#include "clang-tidy/ClangTidyOptions.h"
#include <string>
#include <vector>

namespace async_tidy {

struct ConfigReview {
  std::vector<std::string> Warnings; ///< unknown check and option names
  std::vector<std::string> Errors;   ///< values a check rejects
};

/// Reviews --checks, the --config or --config-file text (else the
/// .clang-tidy files of \p Files) and the CheckOptions that apply to the
/// first of \p Files. \p WithValues also makes the enabled checks to find
/// the values they reject (a run finds those itself).
ConfigReview reviewConfig(const DriverOptions &Options,
                          clang::tidy::ClangTidyOptionsProvider &Provider,
                          const std::vector<std::string> &Files,
                          bool WithValues);

/// Prints the warnings to stderr ("async-tidy: warning: ...").
void printConfigWarnings(const ConfigReview &Review);

/// --verify-config: prints every problem; exit status 0 when there is none,
/// else 1 (as clang-tidy).
int verifyConfig(const DriverOptions &Options,
                 clang::tidy::ClangTidyOptionsProvider &Provider,
                 llvm::StringRef File);

} // namespace async_tidy

#endif // ASYNC_TIDY_DRIVER_CONFIGREVIEW_H

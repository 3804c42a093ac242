//===--- ConfigFiles.h - Check the .clang-tidy files a run will read ------===//
//
// clang-tidy warns about a .clang-tidy it cannot parse and goes on with the
// defaults: a CI job then runs other checks than its authors wrote, and
// passes. async-tidy checks the files first and stops with an error that
// names the file. A check name this build does not know (a config written for
// another clang-tidy release, a typo) is a warning, as in clang-tidy.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_DRIVER_CONFIGFILES_H
#define ASYNC_TIDY_DRIVER_CONFIGFILES_H

#include "clang-tidy/ClangTidyOptions.h"
#include "llvm/Support/Error.h"
#include <string>
#include <vector>

namespace async_tidy {

/// Parses each .clang-tidy that applies to one of \p Files: the nearest one
/// above the file, and the ones above it while InheritParentConfig is set.
/// Fails on the first that does not parse.
llvm::Error checkConfigFiles(const std::vector<std::string> &Files);

/// The problems of the check names in those files (checkGlobProblems()),
/// each file once; a file that does not parse has none here.
std::vector<std::string>
configFileCheckProblems(const std::vector<std::string> &Files);

/// Parses configuration text. \p Source names it in messages (a path, or
/// "--config").
llvm::Expected<clang::tidy::ClangTidyOptions>
parseConfigText(llvm::StringRef Text, llvm::StringRef Source);

} // namespace async_tidy

#endif // ASYNC_TIDY_DRIVER_CONFIGFILES_H

//===--- TidyCompat.h - clang-tidy library calls across LLVM releases -----===//
//
// LLVM 22 added an ExperimentalCustomChecks flag to the check-listing calls
// and renamed NamesAndOptions::Names to ChecksAndOptions::Checks. The driver
// calls these wrappers; nothing else differs between the releases we build
// against.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_DRIVER_TIDYCOMPAT_H
#define ASYNC_TIDY_DRIVER_TIDYCOMPAT_H

#include "clang-tidy/ClangTidy.h"
#include "llvm/Config/llvm-config.h"

namespace async_tidy {

inline std::vector<std::string>
enabledChecks(const clang::tidy::ClangTidyOptions &Options) {
#if LLVM_VERSION_MAJOR >= 22
  return clang::tidy::getCheckNames(Options, false, false);
#else
  return clang::tidy::getCheckNames(Options, false);
#endif
}

inline clang::tidy::ClangTidyOptions::OptionMap
effectiveCheckOptions(const clang::tidy::ClangTidyOptions &Options) {
#if LLVM_VERSION_MAJOR >= 22
  return clang::tidy::getCheckOptions(Options, false, false);
#else
  return clang::tidy::getCheckOptions(Options, false);
#endif
}

inline llvm::StringSet<> allCheckNames() {
#if LLVM_VERSION_MAJOR >= 22
  return clang::tidy::getAllChecksAndOptions(false, false).Checks;
#else
  return clang::tidy::getAllChecksAndOptions(false).Names;
#endif
}

} // namespace async_tidy

#endif // ASYNC_TIDY_DRIVER_TIDYCOMPAT_H

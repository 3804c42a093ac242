//===--- CheckSelection.h - Which checks a run enables --------------------===//
//
// async-tidy runs the async-* checks by default, also for a project whose
// .clang-tidy lists only stock checks; stock checks run only when a config
// or --checks names them. An opt-in check (checks/CheckCatalog.def) runs only
// when a config or --checks names it in full: a glob such as async-* or *
// leaves it off, as clang-tidy's globs leave the analyzer's alpha checkers
// off. The language server's workers are async-tidy runs and do the same.
// clang-tidy -load knows only globs: there, async-* includes opt-in checks.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_DRIVER_CHECKSELECTION_H
#define ASYNC_TIDY_DRIVER_CHECKSELECTION_H

#include "clang-tidy/ClangTidyOptions.h"
#include "llvm/ADT/StringSet.h"
#include <memory>
#include <string>
#include <vector>

namespace async_tidy {

/// The glob list every run starts from.
inline constexpr const char *DefaultChecks = "-*,async-*";

/// A config's Checks value as async-tidy applies it: a list that says
/// nothing about async-* checks leaves them on, even when it starts with
/// "-*"; one that names any async check is taken as it is.
std::string keepAsyncChecksOn(llvm::StringRef Checks);

/// Wraps an options provider so that every config source it reads goes
/// through keepAsyncChecksOn(), and a last source switches off each opt-in
/// check that no source names in full.
std::unique_ptr<clang::tidy::ClangTidyOptionsProvider>
withAsyncChecksOn(std::unique_ptr<clang::tidy::ClangTidyOptionsProvider> Inner);

/// What is wrong with the globs of \p Checks, one message each, as
/// clang-tidy's --verify-config words it: a name no module registers
/// ("unknown check 'x'", with "; did you mean 'y'?" when a known name is a
/// few edits away) and a glob that matches no check. \p Source ends each
/// name ("--checks", "'path/.clang-tidy'"). Such checks may come from
/// another LLVM release, so these are warnings, not errors.
std::vector<std::string> checkGlobProblems(llvm::StringRef Checks,
                                           llvm::StringRef Source);

/// Whether a module registers \p Name (or it is an analyzer checker).
bool isKnownCheck(llvm::StringRef Name);

/// The known check name closest to \p Name (closestName()).
std::string closestCheckName(llvm::StringRef Name);

/// \p Checks without the globs that cannot change the result: those before
/// the last "-*", and each one that appears again later. (Config sources
/// each add their globs: "-*,async-*,-*,bugprone-x,async-*" is
/// "-*,bugprone-x,async-*".)
std::string simplifiedChecks(llvm::StringRef Checks);

/// The name in \p Known closest to \p Name, if fewer than five edits away
/// (clang-tidy's bound for its suggestions), else an empty string.
std::string closestName(llvm::StringRef Name, const llvm::StringSet<> &Known);

} // namespace async_tidy

#endif // ASYNC_TIDY_DRIVER_CHECKSELECTION_H

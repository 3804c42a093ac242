//===--- InfoCommands.h - Commands that print and exit --------------------===//
//
// --version, --explain, --verify-config, --explain-config, --dump-config and
// --list-checks: they analyze nothing.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_DRIVER_INFOCOMMANDS_H
#define ASYNC_TIDY_DRIVER_INFOCOMMANDS_H

#include "clang-tidy/ClangTidyOptions.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"
#include <memory>

namespace async_tidy {

struct DriverOptions;

/// What --help prints above the flags.
extern const char UsageOverview[];

void printVersion(llvm::raw_ostream &OS);

/// Prints the documentation of check \p Name.
int explainCheck(llvm::StringRef Name);

/// Whether the options ask for one of the commands runInfoCommand runs.
bool isInfoCommand(const DriverOptions &Options);

/// --verify-config, --explain-config, --dump-config or --list-checks, for
/// the first file named (or a stand-in in this folder); returns the exit
/// status.
int runInfoCommand(
    const DriverOptions &Options,
    std::unique_ptr<clang::tidy::ClangTidyOptionsProvider> Provider);

} // namespace async_tidy

#endif // ASYNC_TIDY_DRIVER_INFOCOMMANDS_H

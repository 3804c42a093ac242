//===--- Compilations.h - Where compile commands come from ----------------===//

#ifndef ASYNC_TIDY_DRIVER_COMPILATIONS_H
#define ASYNC_TIDY_DRIVER_COMPILATIONS_H

#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/Error.h"
#include <memory>
#include <string>
#include <vector>

namespace async_tidy {

struct CompilationSetup {
  /// Flags given after '--' on the command line, if any.
  std::unique_ptr<clang::tooling::CompilationDatabase> Fixed;
  /// The -p argument: a build directory or a compile_commands.json path.
  std::string BuildPath;
  std::vector<std::string> ExtraArgsBefore;
  std::vector<std::string> ExtraArgs;
};

/// The database to analyze \p Files with: the flags after '--', else the
/// database named by -p, else one found above the first file. Files missing
/// from a JSON database get a command interpolated from their neighbours.
/// Every command gets Clang's resource directory and the --extra-arg flags.
llvm::Expected<std::unique_ptr<clang::tooling::CompilationDatabase>>
loadCompilations(CompilationSetup Setup, const std::vector<std::string> &Files);

} // namespace async_tidy

#endif // ASYNC_TIDY_DRIVER_COMPILATIONS_H

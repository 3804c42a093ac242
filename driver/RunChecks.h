//===--- RunChecks.h - The enabled checks on one file ---------------------===//
//
// clang-tidy's runClangTidy, with two changes: when only async-* checks run
// and system headers are not reported, the matchers walk only the code
// outside system headers (UserCodeScope.h); and in a language server's
// worker the #include block may come from a preamble (PreambleCache.h).
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_DRIVER_RUNCHECKS_H
#define ASYNC_TIDY_DRIVER_RUNCHECKS_H

#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang/Basic/DiagnosticIDs.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/VirtualFileSystem.h"
#include <vector>

namespace async_tidy {

struct AnalysisRequest;

/// Parses the request's file once and runs every enabled check on it; the
/// findings and compile errors are returned as clang-tidy reports them.
/// \p IDs numbers the diagnostics: the same for every parse with \p Context.
std::vector<clang::tidy::ClangTidyError>
runChecks(clang::tidy::ClangTidyContext &Context,
          llvm::IntrusiveRefCntPtr<clang::DiagnosticIDs> IDs,
          const clang::tooling::CompilationDatabase &Database,
          llvm::IntrusiveRefCntPtr<llvm::vfs::OverlayFileSystem> FS,
          const AnalysisRequest &Request);

} // namespace async_tidy

#endif // ASYNC_TIDY_DRIVER_RUNCHECKS_H

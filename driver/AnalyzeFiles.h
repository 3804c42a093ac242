//===--- AnalyzeFiles.h - The analysis stage of a run ---------------------===//

#ifndef ASYNC_TIDY_DRIVER_ANALYZEFILES_H
#define ASYNC_TIDY_DRIVER_ANALYZEFILES_H

#include "CommandLine.h"
#include "RunPlan.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "llvm/Support/VirtualFileSystem.h"
#include <memory>

namespace async_tidy {

/// Analyzes the planned files and reports them; returns the exit status.
/// A file's result comes from the cache when it is there, else from this
/// process when it is the only file and there is no time limit, else from
/// the worker pool.
int analyzeFiles(
    const DriverOptions &Options, RunPlan &Plan,
    std::unique_ptr<clang::tidy::ClangTidyOptionsProvider> Provider,
    const llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> &BaseFS);

} // namespace async_tidy

#endif // ASYNC_TIDY_DRIVER_ANALYZEFILES_H

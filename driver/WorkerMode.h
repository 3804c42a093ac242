//===--- WorkerMode.h - The worker side of -j and the language server -----===//
//
// `async-tidy --worker-output=<json> <file>` analyzes one file and writes its
// result (WorkerResult.h) for the process that started it: the -j pool or
// the language server, which read it through ServingWorker.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_DRIVER_WORKERMODE_H
#define ASYNC_TIDY_DRIVER_WORKERMODE_H

#include "CommandLine.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/VirtualFileSystem.h"

namespace async_tidy {

/// Analyzes \p File (with --worker-contents as its text, if given) and
/// writes the result to --worker-output; returns the exit status.
int analyzeForParentProcess(
    const DriverOptions &Options,
    const clang::tooling::CompilationDatabase &Database,
    const llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> &BaseFS,
    const std::string &File);

} // namespace async_tidy

#endif // ASYNC_TIDY_DRIVER_WORKERMODE_H

//===--- OptionsProvider.h - The configuration and files a run reads ------===//

#ifndef ASYNC_TIDY_DRIVER_OPTIONSPROVIDER_H
#define ASYNC_TIDY_DRIVER_OPTIONSPROVIDER_H

#include "CommandLine.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/VirtualFileSystem.h"
#include <memory>

namespace async_tidy {

/// The options provider for this run: defaults, then .clang-tidy files (or
/// --config / --config-file), then the command line.
llvm::Expected<std::unique_ptr<clang::tidy::ClangTidyOptionsProvider>>
makeOptionsProvider(const DriverOptions &Options,
                    llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS);

/// The file system the analysis reads: the real one, under the
/// --vfsoverlay mapping when one is given.
llvm::Expected<llvm::IntrusiveRefCntPtr<llvm::vfs::OverlayFileSystem>>
makeFileSystem(llvm::StringRef VfsOverlay);

} // namespace async_tidy

#endif // ASYNC_TIDY_DRIVER_OPTIONSPROVIDER_H

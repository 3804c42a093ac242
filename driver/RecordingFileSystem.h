//===--- RecordingFileSystem.h - The files a compile opened ---------------===//
//
// Remembers every file opened for reading: a translation unit's inputs,
// which the result cache hashes and the language server watches, and the
// inputs of a preamble, which its reuse must add back.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_DRIVER_RECORDINGFILESYSTEM_H
#define ASYNC_TIDY_DRIVER_RECORDINGFILESYSTEM_H

#include "llvm/ADT/StringSet.h"
#include "llvm/Support/VirtualFileSystem.h"
#include <memory>

namespace async_tidy {

class RecordingFileSystem : public llvm::vfs::ProxyFileSystem {
public:
  /// Shared: a preamble built after the analysis may still read through it.
  RecordingFileSystem(llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS,
                      std::shared_ptr<llvm::StringSet<>> Read)
      : ProxyFileSystem(std::move(FS)), Read(std::move(Read)) {}

  llvm::ErrorOr<std::unique_ptr<llvm::vfs::File>>
  openFileForRead(const llvm::Twine &Path) override;

private:
  std::shared_ptr<llvm::StringSet<>> Read;
};

} // namespace async_tidy

#endif // ASYNC_TIDY_DRIVER_RECORDINGFILESYSTEM_H

//===--- RecordingFileSystem.cpp ------------------------------------------===//

#include "RecordingFileSystem.h"
#include "llvm/Support/Path.h"

using namespace llvm;

namespace async_tidy {

ErrorOr<std::unique_ptr<vfs::File>>
RecordingFileSystem::openFileForRead(const Twine &Path) {
  auto File = ProxyFileSystem::openFileForRead(Path);
  if (File) {
    SmallString<256> Absolute;
    Path.toVector(Absolute);
    // Not "..": the compiler's own paths cross symbolic links.
    if (!makeAbsolute(Absolute)) {
      sys::path::remove_dots(Absolute, /*remove_dot_dot=*/false);
      Read->insert(Absolute);
    }
  }
  return File;
}

} // namespace async_tidy

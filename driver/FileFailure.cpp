//===--- FileFailure.cpp --------------------------------------------------===//

#include "FileFailure.h"

using namespace llvm;

namespace async_tidy {

std::optional<std::string> whyUnreadable(vfs::FileSystem &FS, StringRef File) {
  ErrorOr<vfs::Status> Status = FS.status(File);
  if (Status && Status->isDirectory())
    return std::string("it is a directory");
  ErrorOr<std::unique_ptr<vfs::File>> Opened = FS.openFileForRead(File);
  if (!Opened)
    return "it cannot be read: " + Opened.getError().message();
  return std::nullopt;
}

} // namespace async_tidy

//===--- FileFailure.h - A file the run could not analyze -----------------===//

#ifndef ASYNC_TIDY_DRIVER_FILEFAILURE_H
#define ASYNC_TIDY_DRIVER_FILEFAILURE_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/VirtualFileSystem.h"
#include <optional>
#include <string>

namespace async_tidy {

/// A file whose worker crashed, ran past the time limit or failed to start,
/// or that could not be read: none of its findings are known.
struct FileFailure {
  std::string File;
  std::string Reason;
};

/// Why \p File cannot be analyzed at all (it cannot be read, or is a
/// directory), or nothing. Said up front, this is the file's failure, not
/// a compile error the parser reports about it.
std::optional<std::string> whyUnreadable(llvm::vfs::FileSystem &FS,
                                         llvm::StringRef File);

} // namespace async_tidy

#endif // ASYNC_TIDY_DRIVER_FILEFAILURE_H

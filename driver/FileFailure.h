//===--- FileFailure.h - A file the run could not analyze -----------------===//

#ifndef ASYNC_TIDY_DRIVER_FILEFAILURE_H
#define ASYNC_TIDY_DRIVER_FILEFAILURE_H

#include <string>

namespace async_tidy {

/// A file whose worker crashed, ran past the time limit or failed to start:
/// none of its findings are known.
struct FileFailure {
  std::string File;
  std::string Reason;
};

} // namespace async_tidy

#endif // ASYNC_TIDY_DRIVER_FILEFAILURE_H

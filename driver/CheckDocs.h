//===--- CheckDocs.h - The check pages, compiled in -----------------------===//
//
// docs/checks/<check>.md of every async check, embedded at build time, so
// that --explain, SARIF rule help and the editor's links do not depend on
// the source tree the binary was built from.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_DRIVER_CHECKDOCS_H
#define ASYNC_TIDY_DRIVER_CHECKDOCS_H

#include "llvm/ADT/StringRef.h"
#include <optional>

namespace async_tidy {

/// The Markdown page of \p Check, if it has one.
std::optional<llvm::StringRef> checkDoc(llvm::StringRef Check);

} // namespace async_tidy

#endif // ASYNC_TIDY_DRIVER_CHECKDOCS_H

//===--- CheckPages.h - Check pages an editor can open --------------------===//
//
// An editor opens a diagnostic's codeDescription link on the user's
// machine, where the source tree the binary was built from may not be. The
// pages are in the binary (CheckDocs.h); the server writes each one it links
// into the user's cache folder and links that file.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_DRIVER_LSP_CHECKPAGES_H
#define ASYNC_TIDY_DRIVER_LSP_CHECKPAGES_H

#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>

namespace async_tidy::lsp {

/// A link to the page of \p Check: for an async check a file:// URI of its
/// page written from the binary (under $XDG_CACHE_HOME/async-tidy/<version>,
/// else ~/.cache, else the temporary folder), for a stock check clang-tidy's
/// site; none for compiler diagnostics or when the page cannot be written.
std::optional<std::string> checkPageUri(llvm::StringRef Check);

} // namespace async_tidy::lsp

#endif // ASYNC_TIDY_DRIVER_LSP_CHECKPAGES_H

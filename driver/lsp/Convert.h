//===--- Convert.h - Byte offsets and paths in LSP terms ------------------===//
//
// The analysis reports byte offsets into UTF-8 files; LSP positions count
// lines and UTF-16 code units, and name files by file:// URIs.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_DRIVER_LSP_CONVERT_H
#define ASYNC_TIDY_DRIVER_LSP_CONVERT_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/JSON.h"
#include <string>
#include <vector>

namespace async_tidy::lsp {

/// An LSP position as (line, character), to compare ranges.
using Point = std::pair<int64_t, int64_t>;

/// A text and where its lines start (lines end at '\n').
class TextIndex {
public:
  explicit TextIndex(std::string Text);

  llvm::StringRef text() const { return Text; }

  /// The LSP Position {line, character} of byte \p Offset; offsets past the
  /// end are clamped to it.
  llvm::json::Object position(size_t Offset) const;
  Point point(size_t Offset) const;

  /// The LSP Range from byte \p Begin to byte \p End.
  llvm::json::Object range(size_t Begin, size_t End) const;

private:
  std::string Text;
  std::vector<size_t> LineStarts;
};

std::string uriFromPath(llvm::StringRef Path);

/// The absolute path a file:// URI names.
llvm::Expected<std::string> pathFromUri(llvm::StringRef Uri);

} // namespace async_tidy::lsp

#endif // ASYNC_TIDY_DRIVER_LSP_CONVERT_H

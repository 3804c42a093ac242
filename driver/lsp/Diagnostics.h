//===--- Diagnostics.h - Worker results as LSP diagnostics ----------------===//
//
// Turns a worker's result into the diagnostics published for one document,
// each with the quick fix its fix-its make, if any.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_DRIVER_LSP_DIAGNOSTICS_H
#define ASYNC_TIDY_DRIVER_LSP_DIAGNOSTICS_H

#include "../WorkerResult.h"
#include "Convert.h"
#include "llvm/Support/JSON.h"
#include <optional>
#include <string>
#include <vector>

namespace async_tidy::lsp {

struct Finding {
  llvm::json::Object Diagnostic; ///< An LSP Diagnostic.
  Point Begin, End;              ///< Its range, to match code action requests.
  std::optional<llvm::json::Object> Fix; ///< An LSP WorkspaceEdit.
  std::string FixTitle;
};

/// The findings of \p Result that belong to the document at \p Path, whose
/// text the worker analyzed was \p Text. Notes become related information,
/// or, for a client without relatedInformation support, lines of the
/// message ("file.cpp:14:3: note text", as clangd folds them); findings in
/// other files are left to their own documents.
std::vector<Finding> findingsFromResult(const WorkerResult &Result,
                                        llvm::StringRef Path,
                                        const TextIndex &Text,
                                        bool RelatedInformation);

/// An error at the top of the document saying why its analysis is missing
/// or incomplete.
Finding problemFinding(llvm::StringRef Problem);

} // namespace async_tidy::lsp

#endif // ASYNC_TIDY_DRIVER_LSP_DIAGNOSTICS_H

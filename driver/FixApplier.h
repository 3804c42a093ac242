//===--- FixApplier.h - Apply fix-its to files, atomically ----------------===//
//
// Fixes from all translation units are gathered first. A diagnostic's fix
// is taken whole or not at all: when one of its edits overlaps an edit
// already taken (and is not the very same edit, as a header's fix found
// through two files is), it is reported as a conflict and left out; the
// first fix in file order wins. Each file
// is then rewritten through a temporary file renamed over it, so a reader or
// a killed run sees either the old or the new file, never half of one.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_DRIVER_FIXAPPLIER_H
#define ASYNC_TIDY_DRIVER_FIXAPPLIER_H

#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang/Tooling/Core/Replacement.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringMap.h"
#include <string>
#include <vector>

namespace async_tidy {

class FixApplier {
public:
  /// Takes the fix of \p Error unless it conflicts; returns false then.
  bool add(const clang::tidy::ClangTidyError &Error);

  struct Outcome {
    unsigned FilesWritten = 0, EditsApplied = 0;
    /// One line per file left untouched, saying why.
    std::vector<std::string> Failures;
  };

  /// Writes every file that has edits. A read-only file, or one whose
  /// edits do not fit its current text, is left as it is. \p StyleFor names
  /// the clang-format style that reformats the code around a file's fixes
  /// ("none": leave it as the fixes make it).
  Outcome apply(llvm::function_ref<std::string(llvm::StringRef File)> StyleFor);

private:
  llvm::StringMap<std::vector<clang::tooling::Replacement>> Edits;
};

} // namespace async_tidy

#endif // ASYNC_TIDY_DRIVER_FIXAPPLIER_H

//===--- Baseline.h - Known findings to hide ------------------------------===//
//
// A baseline records the fingerprints of findings a project has accepted
// for now, so CI fails only on new ones. A fingerprint is made of the check,
// the file name, the message and the text of the finding's line: it stays
// the same when edits elsewhere move the line.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_DRIVER_BASELINE_H
#define ASYNC_TIDY_DRIVER_BASELINE_H

#include "LineTable.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Error.h"
#include <string>
#include <vector>

namespace async_tidy {

std::string fingerprint(const clang::tidy::ClangTidyError &Error,
                        LineTable &Lines);

struct BaselineEntry {
  std::string Check, File, Message;
  bool Seen = false;
};

/// Fingerprint -> entry.
using Baseline = llvm::StringMap<BaselineEntry>;

llvm::Expected<Baseline> readBaseline(llvm::StringRef Path);

/// Writes the findings (not compile errors) atomically: a temporary file
/// renamed over \p Path.
llvm::Error
writeBaseline(llvm::StringRef Path,
              const std::vector<clang::tidy::ClangTidyError> &Errors,
              LineTable &Lines);

} // namespace async_tidy

#endif // ASYNC_TIDY_DRIVER_BASELINE_H

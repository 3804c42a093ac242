//===--- JsonReport.h - Findings as JSON ----------------------------------===//

#ifndef ASYNC_TIDY_DRIVER_JSONREPORT_H
#define ASYNC_TIDY_DRIVER_JSONREPORT_H

#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "llvm/Support/raw_ostream.h"
#include <vector>

namespace async_tidy {

/// Writes every finding of a run as one JSON document:
///   {"version": 1, "findings": [{"check", "level", "message", "file",
///    "line", "column", "notes": [{"message", "file", "line", "column"}],
///    "fixes": [{"file", "offset", "length", "replacement"}]}],
///    "failedFiles": [...]}
/// Lines and columns are 1-based, computed from the files on disk.
void writeJsonReport(const std::vector<clang::tidy::ClangTidyError> &Errors,
                     const std::vector<std::string> &FailedFiles,
                     llvm::raw_ostream &OS);

} // namespace async_tidy

#endif // ASYNC_TIDY_DRIVER_JSONREPORT_H

//===--- JsonReport.h - Findings as JSON ----------------------------------===//

#ifndef ASYNC_TIDY_DRIVER_JSONREPORT_H
#define ASYNC_TIDY_DRIVER_JSONREPORT_H

#include "FileFailure.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "llvm/Support/JSON.h"
#include <vector>

namespace async_tidy {

/// Every finding of a run as one JSON document:
///   {"version": 1, "findings": [{"check", "level", "message", "file",
///    "offset", "line", "column", "notes": [{"message", "file", "offset",
///    "line", "column"}], "fixes": [{"file", "offset", "length",
///    "replacement"}]}], "failedFiles": [...],
///    "notAnalyzed": [{"file", "reason"}]}
/// Lines and columns are 1-based, computed from the files on disk.
/// failedFiles have compile errors (among the findings); notAnalyzed files
/// have no findings at all.
llvm::json::Object
jsonReport(const std::vector<clang::tidy::ClangTidyError> &Errors,
           const std::vector<std::string> &FailedFiles,
           const std::vector<FileFailure> &NotAnalyzed);

} // namespace async_tidy

#endif // ASYNC_TIDY_DRIVER_JSONREPORT_H

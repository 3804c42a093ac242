//===--- WorkerResult.h - One translation unit's findings as JSON ---------===//
//
// What a worker process sends back for the file it analyzed, and what the
// result cache stores: every diagnostic with its notes, ranges and fixes, and
// the files the translation unit read. The JSON is a documented contract
// (docs/ci.md, "The worker protocol"): the language server reads it too.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_DRIVER_WORKERRESULT_H
#define ASYNC_TIDY_DRIVER_WORKERRESULT_H

#include "LineTable.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/JSON.h"
#include <optional>
#include <string>
#include <vector>

namespace async_tidy {

struct WorkerResult {
  std::string File;
  /// The translation unit had compile errors (they are among Errors).
  bool Failed = false;
  std::vector<clang::tidy::ClangTidyError> Errors;
  /// Absolute paths of every file the translation unit read.
  std::vector<std::string> Dependencies;
  /// What the translation unit tells the others (model/Summaries.h), when
  /// the analysis recorded it.
  std::optional<llvm::json::Value> Summary;
};

/// One message (a diagnostic's or a note's): text, file, offset, 1-based
/// line and byte column (from \p Lines), and its fixes and ranges if any.
llvm::json::Object toJson(const clang::tooling::DiagnosticMessage &Message,
                          LineTable &Lines);

/// A diagnostic: its message (as above), check, level, build directory and
/// notes.
llvm::json::Object toJson(const clang::tidy::ClangTidyError &Error,
                          LineTable &Lines);

/// \p Lines gives 1-based lines and byte columns next to the offsets.
llvm::json::Value toJson(const WorkerResult &Result, LineTable &Lines);

llvm::Expected<WorkerResult> workerResultFromJson(const llvm::json::Value &V);

/// Writes \p Result to \p Path atomically (temporary file, then rename).
llvm::Error writeWorkerResult(llvm::StringRef Path, const WorkerResult &Result,
                              LineTable &Lines);

llvm::Expected<WorkerResult> readWorkerResult(llvm::StringRef Path);

} // namespace async_tidy

#endif // ASYNC_TIDY_DRIVER_WORKERRESULT_H

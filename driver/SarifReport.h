//===--- SarifReport.h - Findings as SARIF 2.1.0 --------------------------===//

#ifndef ASYNC_TIDY_DRIVER_SARIFREPORT_H
#define ASYNC_TIDY_DRIVER_SARIFREPORT_H

#include "FileFailure.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "llvm/Support/JSON.h"
#include <string>
#include <vector>

namespace async_tidy {

/// The folder SARIF locations are relative to (the %SRCROOT% base): the git
/// work tree that holds the current directory, or the current directory
/// outside one. GitHub code scanning takes paths relative to the repository
/// root and rejects absolute file URIs it cannot place there.
std::string defaultSarifRoot();

/// One SARIF 2.1.0 log of one run: rule metadata for every async check (from
/// checks/CheckCatalog.def, with its whole page as help) and for each other
/// check that reported, results with their region, notes as related
/// locations, fix-its as fixes, and a fingerprint that survives edits which
/// only move the finding. A file under \p SourceRoot is named relative to
/// it, with the uriBaseId %SRCROOT%; the run's originalUriBaseIds say where
/// that is. Files with compile errors and files not analyzed become tool
/// execution notifications of the run's invocation, which is then not
/// successful.
///
/// Written with llvm::json rather than clang::SarifDocumentWriter: that one
/// needs the SourceManager of each translation unit, and the report is made
/// after all of them are gone.
llvm::json::Object
sarifReport(const std::vector<clang::tidy::ClangTidyError> &Errors,
            const std::vector<std::string> &FailedFiles,
            const std::vector<FileFailure> &NotAnalyzed,
            llvm::StringRef SourceRoot);

} // namespace async_tidy

#endif // ASYNC_TIDY_DRIVER_SARIFREPORT_H

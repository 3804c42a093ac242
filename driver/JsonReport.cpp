//===--- JsonReport.cpp ---------------------------------------------------===//

#include "JsonReport.h"
#include "WorkerResult.h"

using namespace clang;
using namespace clang::tidy;

namespace async_tidy {

llvm::json::Object jsonReport(const std::vector<ClangTidyError> &Errors,
                              const std::vector<std::string> &FailedFiles,
                              const std::vector<FileFailure> &NotAnalyzed) {
  LineTable Lines;
  llvm::json::Array Findings;
  for (const ClangTidyError &Error : Errors)
    Findings.push_back(toJson(Error, Lines));
  llvm::json::Array Failed;
  for (const std::string &File : FailedFiles)
    Failed.push_back(File);
  llvm::json::Array Lost;
  for (const FileFailure &Failure : NotAnalyzed)
    Lost.push_back(
        llvm::json::Object{{"file", Failure.File}, {"reason", Failure.Reason}});
  return llvm::json::Object{{"version", 1},
                            {"findings", std::move(Findings)},
                            {"failedFiles", std::move(Failed)},
                            {"notAnalyzed", std::move(Lost)}};
}

} // namespace async_tidy

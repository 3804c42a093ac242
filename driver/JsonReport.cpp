//===--- JsonReport.cpp ---------------------------------------------------===//

#include "JsonReport.h"
#include "LineTable.h"
#include "llvm/Support/JSON.h"

using namespace clang;
using namespace clang::tidy;

namespace async_tidy {

static llvm::json::Object message(const tooling::DiagnosticMessage &Message,
                                  LineTable &Lines) {
  auto [Line, Column] = Lines.position(Message.FilePath, Message.FileOffset);
  return llvm::json::Object{{"message", Message.Message},
                            {"file", Message.FilePath},
                            {"line", Line},
                            {"column", Column}};
}

void writeJsonReport(const std::vector<ClangTidyError> &Errors,
                     const std::vector<std::string> &FailedFiles,
                     llvm::raw_ostream &OS) {
  LineTable Lines;
  llvm::json::Array Findings;
  for (const ClangTidyError &Error : Errors) {
    llvm::json::Object Finding = message(Error.Message, Lines);
    Finding["check"] = Error.DiagnosticName;
    Finding["level"] = Error.DiagLevel == tooling::Diagnostic::Error ? "error"
                       : Error.DiagLevel == tooling::Diagnostic::Warning
                           ? "warning"
                           : "remark";
    llvm::json::Array Notes;
    for (const tooling::DiagnosticMessage &Note : Error.Notes)
      Notes.push_back(message(Note, Lines));
    Finding["notes"] = std::move(Notes);
    llvm::json::Array Fixes;
    for (const auto &FileFix : Error.Message.Fix)
      for (const tooling::Replacement &R : FileFix.second)
        Fixes.push_back(
            llvm::json::Object{{"file", R.getFilePath()},
                               {"offset", R.getOffset()},
                               {"length", R.getLength()},
                               {"replacement", R.getReplacementText()}});
    Finding["fixes"] = std::move(Fixes);
    Findings.push_back(std::move(Finding));
  }
  llvm::json::Array Failed;
  for (const std::string &File : FailedFiles)
    Failed.push_back(File);
  llvm::json::Object Report{{"version", 1},
                            {"findings", std::move(Findings)},
                            {"failedFiles", std::move(Failed)}};
  OS << llvm::formatv("{0:2}", llvm::json::Value(std::move(Report))) << "\n";
}

} // namespace async_tidy

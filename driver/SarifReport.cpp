//===--- SarifReport.cpp --------------------------------------------------===//

#include "SarifReport.h"
#include "Baseline.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"

using namespace clang;
using namespace clang::tidy;

namespace async_tidy {

/// An RFC 3986 file URI: every byte but unreserved characters and '/' is
/// percent-encoded, so spaces, '#' and names that are not UTF-8 survive.
/// (Clang's SarifDocumentWriter has such an encoder, but not public.)
static std::string fileUri(llvm::StringRef Path) {
  llvm::SmallString<256> Absolute(Path);
  if (llvm::sys::fs::make_absolute(Absolute))
    Absolute = Path; // no working directory: keep the path as given
  std::string Uri = "file://";
  for (unsigned char C : Absolute) {
    if (llvm::isAlnum(C) || llvm::StringRef("-._~/").contains(C)) {
      Uri += C;
      continue;
    }
    Uri += '%';
    Uri += llvm::hexdigit(C >> 4);
    Uri += llvm::hexdigit(C & 15);
  }
  return Uri;
}

static llvm::json::Object location(llvm::StringRef File, unsigned Offset,
                                   LineTable &Lines) {
  auto [Line, Column] = Lines.position(File, Offset);
  return llvm::json::Object{
      {"physicalLocation",
       llvm::json::Object{
           {"artifactLocation", llvm::json::Object{{"uri", fileUri(File)}}},
           {"region", llvm::json::Object{{"startLine", Line},
                                         {"startColumn", Column}}}}}};
}

static llvm::json::Object rule(llvm::StringRef Id, llvm::StringRef Summary) {
  llvm::SmallString<256> Doc(ASYNC_TIDY_DOCS_DIR);
  llvm::sys::path::append(Doc, Id + ".md");
  return llvm::json::Object{
      {"id", Id},
      {"shortDescription", llvm::json::Object{{"text", Summary}}},
      {"fullDescription", llvm::json::Object{{"text", Summary}}},
      {"help", llvm::json::Object{{"text", ("See " + Id + ".md").str()}}},
      {"helpUri", fileUri(Doc)}};
}

static llvm::json::Object notification(llvm::StringRef File,
                                       const llvm::Twine &Text) {
  return llvm::json::Object{
      {"level", "error"},
      {"message", llvm::json::Object{{"text", Text.str()}}},
      {"locations", llvm::json::Array{llvm::json::Object{
                        {"physicalLocation",
                         llvm::json::Object{
                             {"artifactLocation",
                              llvm::json::Object{{"uri", fileUri(File)}}}}}}}}};
}

void writeSarifReport(const std::vector<ClangTidyError> &Errors,
                      const std::vector<std::string> &FailedFiles,
                      const std::vector<FileFailure> &NotAnalyzed,
                      llvm::raw_ostream &OS) {
  llvm::json::Array Rules;
  llvm::StringMap<unsigned> RuleIndex;
  auto AddRule = [&](llvm::StringRef Id, llvm::StringRef Summary) {
    if (RuleIndex.try_emplace(Id, Rules.size()).second)
      Rules.push_back(rule(Id, Summary));
  };
#define ASYNC_CHECK(Name, Class, Summary) AddRule(Name, Summary);
#include "checks/CheckCatalog.def"

  LineTable Lines;
  llvm::json::Array Results;
  for (const ClangTidyError &Error : Errors) {
    AddRule(Error.DiagnosticName, Error.DiagnosticName);
    const tooling::DiagnosticMessage &Message = Error.Message;
    llvm::json::Object Result{
        {"ruleId", Error.DiagnosticName},
        {"ruleIndex", RuleIndex[Error.DiagnosticName]},
        {"level",
         Error.DiagLevel == tooling::Diagnostic::Error ? "error" : "warning"},
        {"message", llvm::json::Object{{"text", Message.Message}}},
        {"locations", llvm::json::Array{location(Message.FilePath,
                                                 Message.FileOffset, Lines)}}};
    Result["partialFingerprints"] =
        llvm::json::Object{{"asyncTidyFinding/v1", fingerprint(Error, Lines)}};
    llvm::json::Array Related;
    for (const tooling::DiagnosticMessage &Note : Error.Notes) {
      llvm::json::Object Where =
          location(Note.FilePath, Note.FileOffset, Lines);
      Where["id"] = static_cast<int64_t>(Related.size());
      Where["message"] = llvm::json::Object{{"text", Note.Message}};
      Related.push_back(std::move(Where));
    }
    if (!Related.empty())
      Result["relatedLocations"] = std::move(Related);
    llvm::json::Array Changes;
    for (const auto &FileFix : Message.Fix) {
      llvm::json::Array Replacements;
      for (const tooling::Replacement &R : FileFix.second)
        Replacements.push_back(llvm::json::Object{
            {"deletedRegion",
             llvm::json::Object{{"charOffset", R.getOffset()},
                                {"charLength", R.getLength()}}},
            {"insertedContent",
             llvm::json::Object{{"text", R.getReplacementText()}}}});
      Changes.push_back(llvm::json::Object{
          {"artifactLocation",
           llvm::json::Object{{"uri", fileUri(FileFix.first())}}},
          {"replacements", std::move(Replacements)}});
    }
    if (!Changes.empty())
      Result["fixes"] = llvm::json::Array{llvm::json::Object{
          {"description", llvm::json::Object{{"text", Message.Message}}},
          {"artifactChanges", std::move(Changes)}}};
    Results.push_back(std::move(Result));
  }

  llvm::json::Array Notifications;
  for (const std::string &File : FailedFiles)
    Notifications.push_back(notification(
        File, "the file has compile errors; its analysis is incomplete"));
  for (const FileFailure &Failure : NotAnalyzed)
    Notifications.push_back(notification(
        Failure.File, "the file was not analyzed: " + Failure.Reason));
  llvm::json::Object Invocation{
      {"executionSuccessful", Notifications.empty()},
      {"toolExecutionNotifications", std::move(Notifications)}};

  llvm::json::Object Driver{{"name", "async-tidy"},
                            {"version", ASYNC_TIDY_VERSION},
                            {"rules", std::move(Rules)}};
  llvm::json::Object Log{
      {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
      {"version", "2.1.0"},
      {"runs", llvm::json::Array{llvm::json::Object{
                   {"tool", llvm::json::Object{{"driver", std::move(Driver)}}},
                   {"invocations", llvm::json::Array{std::move(Invocation)}},
                   {"results", std::move(Results)}}}}};
  OS << llvm::formatv("{0:2}", llvm::json::Value(std::move(Log))) << "\n";
}

} // namespace async_tidy

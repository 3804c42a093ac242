//===--- SarifReport.cpp --------------------------------------------------===//

#include "SarifReport.h"
#include "Baseline.h"
#include "CheckDocs.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"
#include <algorithm>

using namespace clang;
using namespace clang::tidy;

namespace async_tidy {

/// \p Text percent-encoded as RFC 3986 wants in a path: every byte but
/// unreserved characters and '/', so spaces, '#' and names that are not
/// UTF-8 survive. (Clang's SarifDocumentWriter has such an encoder, but not
/// public.)
static std::string percentEncoded(llvm::StringRef Text) {
  std::string Encoded;
  for (char C : Text) {
    if (llvm::isAlnum(C) || llvm::StringRef("-._~/").contains(C)) {
      Encoded += C;
      continue;
    }
    auto Byte = static_cast<unsigned char>(C);
    Encoded += '%';
    Encoded += llvm::hexdigit(Byte >> 4);
    Encoded += llvm::hexdigit(Byte & 15);
  }
  return Encoded;
}

static llvm::SmallString<256> absolutePath(llvm::StringRef Path) {
  llvm::SmallString<256> Absolute(Path);
  if (llvm::sys::fs::make_absolute(Absolute))
    Absolute = Path; // no working directory: keep the path as given
  llvm::sys::path::remove_dots(Absolute, /*remove_dot_dot=*/true);
  return Absolute;
}

/// A folder as an absolute file URI ending in '/', as uriBaseIds want it.
static std::string folderUri(llvm::StringRef Folder) {
  std::string Uri = "file://" + percentEncoded(absolutePath(Folder));
  if (!llvm::StringRef(Uri).ends_with("/"))
    Uri += '/';
  return Uri;
}

std::string defaultSarifRoot() {
  llvm::SmallString<256> Current;
  if (llvm::sys::fs::current_path(Current))
    return "";
  // A work tree has .git as a folder, a linked worktree or submodule as a
  // file.
  for (llvm::StringRef Dir = Current; !Dir.empty();
       Dir = llvm::sys::path::parent_path(Dir)) {
    llvm::SmallString<256> Git(Dir);
    llvm::sys::path::append(Git, ".git");
    if (llvm::sys::fs::exists(Git))
      return Dir.str();
  }
  return Current.str().str();
}

namespace {
/// Names files as artifactLocations: relative to the source root when they
/// are under it, absolute file URIs otherwise.
class ArtifactNamer {
public:
  explicit ArtifactNamer(llvm::StringRef Root)
      : Root(Root.empty() ? llvm::SmallString<256>() : absolutePath(Root)) {}

  llvm::json::Object operator()(llvm::StringRef File) const {
    llvm::SmallString<256> Path = absolutePath(File);
    llvm::StringRef Rest = Path;
    if (!Root.empty() && Rest.consume_front(Root) &&
        (Rest.consume_front("/") || llvm::StringRef(Root).ends_with("/")))
      return llvm::json::Object{{"uri", percentEncoded(Rest)},
                                {"uriBaseId", BaseId}};
    return llvm::json::Object{{"uri", "file://" + percentEncoded(Path)}};
  }

  static constexpr const char *BaseId = "%SRCROOT%";

private:
  llvm::SmallString<256> Root;
};
} // namespace

static llvm::json::Object location(llvm::StringRef File, unsigned Offset,
                                   LineTable &Lines,
                                   const ArtifactNamer &Name) {
  auto [Line, Column] = Lines.position(File, Offset);
  return llvm::json::Object{
      {"physicalLocation",
       llvm::json::Object{
           {"artifactLocation", Name(File)},
           {"region", llvm::json::Object{{"startLine", Line},
                                         {"startColumn", Column}}}}}};
}

/// The rule's friendly name: the check's name in PascalCase
/// (async-sync-over-async: AsyncSyncOverAsync).
static std::string ruleName(llvm::StringRef Id) {
  std::string Name;
  bool Upper = true;
  for (char C : Id) {
    if (!llvm::isAlnum(C)) {
      Upper = true;
      continue;
    }
    Name += Upper ? llvm::toUpper(C) : C;
    Upper = false;
  }
  return Name;
}

/// Where clang-tidy's and Clang's own checks are documented.
static std::string stockHelpUri(llvm::StringRef Id) {
  if (Id.consume_front("clang-analyzer-")) {
    std::string Anchor = Id.lower();
    std::replace(Anchor.begin(), Anchor.end(), '.', '-');
    return "https://clang.llvm.org/docs/analyzer/checkers.html#" + Anchor;
  }
  if (Id.consume_front("clang-diagnostic-"))
    return "https://clang.llvm.org/docs/DiagnosticsReference.html" +
           (Id == "error" ? "" : "#w" + Id.str());
  auto [Module, Check] = Id.split('-');
  if (Check.empty())
    return "";
  return ("https://clang.llvm.org/extra/clang-tidy/checks/" + Module + "/" +
          Check + ".html")
      .str();
}

static llvm::json::Object rule(llvm::StringRef Id, llvm::StringRef Summary) {
  llvm::json::Object Rule{
      {"id", Id},
      {"name", ruleName(Id)},
      {"shortDescription", llvm::json::Object{{"text", Summary}}},
      {"fullDescription", llvm::json::Object{{"text", Summary}}}};
  // The async checks' pages travel inside the report, so they show on
  // any machine (GitHub renders help.markdown beside each alert).
  if (std::optional<llvm::StringRef> Doc = checkDoc(Id)) {
    Rule["help"] = llvm::json::Object{{"text", *Doc}, {"markdown", *Doc}};
    Rule["helpUri"] = (ASYNC_TIDY_DOCS_URL "/" + Id + ".md").str();
    return Rule;
  }
  std::string Uri = stockHelpUri(Id);
  if (Uri.empty()) {
    Rule["help"] = llvm::json::Object{{"text", Summary}};
    return Rule;
  }
  Rule["help"] = llvm::json::Object{
      {"text", "See " + Uri},
      {"markdown", ("See [" + Id + "](" + Uri + ").").str()}};
  Rule["helpUri"] = Uri;
  return Rule;
}

static llvm::json::Object notification(llvm::StringRef File,
                                       const llvm::Twine &Text,
                                       const ArtifactNamer &Name) {
  return llvm::json::Object{
      {"level", "error"},
      {"message", llvm::json::Object{{"text", Text.str()}}},
      {"locations",
       llvm::json::Array{llvm::json::Object{
           {"physicalLocation",
            llvm::json::Object{{"artifactLocation", Name(File)}}}}}}};
}

llvm::json::Object sarifReport(const std::vector<ClangTidyError> &Errors,
                               const std::vector<std::string> &FailedFiles,
                               const std::vector<FileFailure> &NotAnalyzed,
                               llvm::StringRef SourceRoot) {
  ArtifactNamer Name(SourceRoot);
  llvm::json::Array Rules;
  llvm::StringMap<unsigned> RuleIndex;
  auto AddRule = [&](llvm::StringRef Id, llvm::StringRef Summary) {
    if (RuleIndex.try_emplace(Id, Rules.size()).second)
      Rules.push_back(rule(Id, Summary));
  };
#define ASYNC_CHECK(Name, Class, Header, Default, Summary)                     \
  AddRule(Name, Summary);
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
        {"locations", llvm::json::Array{location(
                          Message.FilePath, Message.FileOffset, Lines, Name)}}};
    Result["partialFingerprints"] =
        llvm::json::Object{{"asyncTidyFinding/v1", fingerprint(Error, Lines)}};
    llvm::json::Array Related;
    for (const tooling::DiagnosticMessage &Note : Error.Notes) {
      llvm::json::Object Where =
          location(Note.FilePath, Note.FileOffset, Lines, Name);
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
      Changes.push_back(
          llvm::json::Object{{"artifactLocation", Name(FileFix.first())},
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
        File, "the file has compile errors; its analysis is incomplete", Name));
  for (const FileFailure &Failure : NotAnalyzed)
    Notifications.push_back(notification(
        Failure.File, "the file was not analyzed: " + Failure.Reason, Name));
  llvm::json::Object Invocation{
      {"executionSuccessful", Notifications.empty()},
      {"toolExecutionNotifications", std::move(Notifications)}};
  llvm::SmallString<256> Current;
  if (!llvm::sys::fs::current_path(Current))
    Invocation["workingDirectory"] =
        llvm::json::Object{{"uri", folderUri(Current)}};

  llvm::json::Object Driver{{"name", "async-tidy"},
                            {"fullName", "async-tidy " ASYNC_TIDY_VERSION
                                         " (LLVM " LLVM_VERSION_STRING ")"},
                            {"version", ASYNC_TIDY_VERSION},
                            {"semanticVersion", ASYNC_TIDY_VERSION},
                            {"informationUri", ASYNC_TIDY_HOMEPAGE},
                            {"rules", std::move(Rules)}};
  llvm::json::Object Run{
      {"tool", llvm::json::Object{{"driver", std::move(Driver)}}},
      // GitHub code scanning tells runs of one tool apart by this category.
      {"automationDetails", llvm::json::Object{{"id", "async-tidy/"}}},
      {"invocations", llvm::json::Array{std::move(Invocation)}},
      {"results", std::move(Results)}};
  if (!SourceRoot.empty())
    Run["originalUriBaseIds"] = llvm::json::Object{
        {ArtifactNamer::BaseId,
         llvm::json::Object{{"uri", folderUri(SourceRoot)}}}};
  return llvm::json::Object{
      {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
      {"version", "2.1.0"},
      {"runs", llvm::json::Array{std::move(Run)}}};
}

} // namespace async_tidy

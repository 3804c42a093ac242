//===--- Diagnostics.cpp --------------------------------------------------===//

#include "Diagnostics.h"
#include "CheckPages.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include <set>
#include <tuple>

using namespace clang;
using namespace clang::tidy;
using namespace llvm;

namespace async_tidy::lsp {

namespace {

// LSP DiagnosticSeverity values.
constexpr int64_t SeverityError = 1, SeverityWarning = 2,
                  SeverityInformation = 3;

int64_t severity(tooling::Diagnostic::Level Level) {
  switch (Level) {
  case tooling::Diagnostic::Error:
    return SeverityError;
  case tooling::Diagnostic::Warning:
    return SeverityWarning;
  case tooling::Diagnostic::Remark:
    break;
  }
  return SeverityInformation;
}

bool sameFile(StringRef A, StringRef B) {
  SmallString<256> CleanA(A), CleanB(B);
  sys::path::remove_dots(CleanA, /*remove_dot_dot=*/true);
  sys::path::remove_dots(CleanB, /*remove_dot_dot=*/true);
  return CleanA == CleanB || sys::fs::equivalent(CleanA, CleanB);
}

/// The texts the offsets of one result point into: the document's buffer,
/// and other files as the worker read them from disk.
class Files {
public:
  Files(StringRef Path, const TextIndex &Document)
      : Path(Path), Document(Document) {}

  bool isDocument(StringRef File) {
    auto [It, New] = IsDocument.try_emplace(File, false);
    if (New)
      It->second = sameFile(File, Path);
    return It->second;
  }

  const TextIndex &text(StringRef File) {
    if (isDocument(File))
      return Document;
    auto [It, New] = Others.try_emplace(File, "");
    if (New)
      if (auto Buffer = MemoryBuffer::getFile(File))
        It->second = TextIndex((*Buffer)->getBuffer().str());
    return It->second;
  }

private:
  StringRef Path;
  const TextIndex &Document;
  StringMap<bool> IsDocument;
  StringMap<TextIndex> Others;
};

struct Located {
  std::string File;
  size_t Offset;
};

/// Where \p Message points. clang-tidy keeps a path as the compile command
/// spelled it: a relative one is relative to the command's directory.
std::string absolutePath(StringRef File, StringRef Directory) {
  SmallString<256> Path(File);
  if (sys::path::is_relative(File) && !Directory.empty()) {
    Path = Directory;
    sys::path::append(Path, File);
  }
  sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
  return std::string(Path);
}

Located location(const tooling::DiagnosticMessage &Message,
                 StringRef Directory) {
  return {absolutePath(Message.FilePath, Directory), Message.FileOffset};
}

/// Where the squiggle ends: a source range the check attached that holds the
/// location, or else the identifier (or one character) at the location.
size_t extentEnd(const ClangTidyError &Error, const Located &At, Files &Texts) {
  for (const tooling::FileByteRange &Range : Error.Message.Ranges)
    if (Range.FileOffset <= At.Offset &&
        At.Offset < Range.FileOffset + Range.Length &&
        Texts.isDocument(absolutePath(Range.FilePath, Error.BuildDirectory)))
      return Range.FileOffset + Range.Length;
  StringRef Text = Texts.text(At.File).text();
  size_t End = At.Offset;
  while (End < Text.size() && (isAlnum(Text[End]) || Text[End] == '_'))
    ++End;
  if (End == At.Offset && End < Text.size() && Text[End] != '\n') {
    ++End;
    while (End < Text.size() && (Text[End] & 0xC0) == 0x80)
      ++End; // The rest of a multi-byte character.
  }
  return End;
}

json::Object relatedLocation(const Located &At, StringRef Message,
                             Files &Texts) {
  return json::Object{
      {"location", json::Object{{"uri", uriFromPath(At.File)},
                                {"range", Texts.text(At.File).range(
                                              At.Offset, At.Offset)}}},
      {"message", Message}};
}

/// The fix-its of \p Error as a WorkspaceEdit, and a title for it.
std::optional<std::pair<json::Object, std::string>>
quickFix(const ClangTidyError &Error, Files &Texts) {
  json::Object Changes;
  std::string Title;
  size_t Count = 0;
  for (const auto &FileFixes : Error.Message.Fix)
    for (const tooling::Replacement &R : FileFixes.second) {
      std::string File = absolutePath(R.getFilePath(), Error.BuildDirectory);
      const TextIndex &Text = Texts.text(File);
      StringRef Old = Text.text().substr(R.getOffset(), R.getLength());
      if (Old.size() != R.getLength())
        return std::nullopt; // The file changed under the worker.
      std::string Uri = uriFromPath(File);
      if (!Changes.get(Uri))
        Changes[Uri] = json::Array();
      Changes.getArray(Uri)->push_back(json::Object{
          {"range", Text.range(R.getOffset(), R.getOffset() + R.getLength())},
          {"newText", R.getReplacementText()}});
      StringRef New = R.getReplacementText();
      Title = Old.empty() ? "insert '" + New.str() + "'"
              : New.empty()
                  ? "remove '" + Old.str() + "'"
                  : "replace '" + Old.str() + "' with '" + New.str() + "'";
      ++Count;
    }
  if (Count == 0)
    return std::nullopt;
  if (Count > 1)
    Title = "apply " + std::to_string(Count) + " fix-its";
  return std::make_pair(json::Object{{"changes", std::move(Changes)}}, Title);
}

/// A note as clangd writes it into the message for a client without
/// relatedInformation: "file.cpp:14:3: message", 1-based.
std::string foldedNote(const Located &At, StringRef Message, Files &Texts) {
  Point Where = Texts.text(At.File).point(At.Offset);
  return (sys::path::filename(At.File) + ":" + Twine(Where.first + 1) + ":" +
          Twine(Where.second + 1) + ": " + Message)
      .str();
}

} // namespace

std::vector<Finding> findingsFromResult(const WorkerResult &Result,
                                        StringRef Path, const TextIndex &Text,
                                        bool RelatedInformation) {
  Files Texts(Path, Text);
  std::vector<Finding> Findings;
  // The same finding reached through two template instantiations or two
  // inclusions is shown once.
  std::set<std::tuple<std::string, size_t, std::string>> Seen;
  std::optional<json::Object> FirstErrorElsewhere; // as related information
  std::string FirstErrorNote;                      // or folded in
  bool ErrorHere = false;
  for (const ClangTidyError &Error : Result.Errors) {
    Located At = location(Error.Message, Error.BuildDirectory);
    bool IsError = Error.DiagLevel == tooling::Diagnostic::Error;
    if (!Texts.isDocument(At.File)) {
      if (IsError && !FirstErrorElsewhere) {
        FirstErrorElsewhere = relatedLocation(At, Error.Message.Message, Texts);
        FirstErrorNote = foldedNote(At, Error.Message.Message, Texts);
      }
      continue;
    }
    ErrorHere |= IsError;
    if (!Seen.insert({Error.DiagnosticName, At.Offset, Error.Message.Message})
             .second)
      continue;

    size_t End = extentEnd(Error, At, Texts);
    Finding F;
    F.Begin = Text.point(At.Offset);
    F.End = Text.point(End);
    F.Diagnostic = json::Object{{"range", Text.range(At.Offset, End)},
                                {"severity", severity(Error.DiagLevel)},
                                {"source", "async-tidy"},
                                {"code", Error.DiagnosticName},
                                {"message", Error.Message.Message}};
    if (std::optional<std::string> Page = checkPageUri(Error.DiagnosticName))
      F.Diagnostic["codeDescription"] = json::Object{{"href", *Page}};
    json::Array Related;
    std::string Message = Error.Message.Message;
    for (const tooling::DiagnosticMessage &Note : Error.Notes) {
      Located NoteAt = location(Note, Error.BuildDirectory);
      if (RelatedInformation)
        Related.push_back(relatedLocation(NoteAt, Note.Message, Texts));
      else
        Message += "\n\n" + foldedNote(NoteAt, Note.Message, Texts);
    }
    F.Diagnostic["message"] = std::move(Message);
    if (!Related.empty())
      F.Diagnostic["relatedInformation"] = std::move(Related);
    if (auto Fix = quickFix(Error, Texts)) {
      F.Fix = std::move(Fix->first);
      F.FixTitle = std::move(Fix->second);
    }
    Findings.push_back(std::move(F));
  }

  // A translation unit broken by an included file would otherwise show no
  // error at all, only missing findings.
  if (Result.Failed && !ErrorHere) {
    Finding F = problemFinding(
        "an included file has compile errors; findings may be missing");
    if (FirstErrorElsewhere && RelatedInformation)
      F.Diagnostic["relatedInformation"] =
          json::Array{std::move(*FirstErrorElsewhere)};
    else if (FirstErrorElsewhere)
      F.Diagnostic["message"] =
          (*F.Diagnostic.getString("message") + "\n\n" + FirstErrorNote).str();
    Findings.push_back(std::move(F));
  }
  // In the order of the text, whatever order the checks ran in.
  llvm::sort(Findings, [](const Finding &A, const Finding &B) {
    return std::make_tuple(A.Begin, A.End, A.Diagnostic.getString("message")) <
           std::make_tuple(B.Begin, B.End, B.Diagnostic.getString("message"));
  });
  return Findings;
}

Finding problemFinding(StringRef Problem) {
  Finding F;
  F.Begin = F.End = Point(0, 0);
  TextIndex Empty("");
  F.Diagnostic = json::Object{{"range", Empty.range(0, 0)},
                              {"severity", SeverityError},
                              {"source", "async-tidy"},
                              {"message", Problem}};
  return F;
}

} // namespace async_tidy::lsp

//===--- Diagnostics.cpp --------------------------------------------------===//

#include "Diagnostics.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include <set>
#include <tuple>

using namespace llvm;

namespace async_tidy::lsp {

namespace {

// LSP DiagnosticSeverity values.
constexpr int64_t SeverityError = 1, SeverityWarning = 2,
                  SeverityInformation = 3;

int64_t severity(StringRef Level) {
  if (Level == "error")
    return SeverityError;
  if (Level == "warning")
    return SeverityWarning;
  return SeverityInformation;
}

/// The page that explains a check: ours from the installed docs, the stock
/// checks' from the clang-tidy site; compiler diagnostics have none.
std::optional<std::string> documentation(StringRef Check) {
  SmallString<256> Page(ASYNC_TIDY_DOCS_DIR);
  sys::path::append(Page, Check + ".md");
  if (sys::fs::exists(Page))
    return uriFromPath(Page);
  if (Check.starts_with("clang-diagnostic-") || !Check.contains('-'))
    return std::nullopt;
  auto [Module, Name] =
      Check.starts_with("clang-analyzer-")
          ? std::make_pair(StringRef("clang-analyzer"), Check.drop_front(15))
          : Check.split('-');
  return ("https://clang.llvm.org/extra/clang-tidy/checks/" + Module + "/" +
          Name + ".html")
      .str();
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
std::optional<Located> location(const json::Object &Message,
                                StringRef Directory) {
  std::optional<StringRef> File = Message.getString("file");
  std::optional<int64_t> Offset = Message.getInteger("offset");
  if (!File || !Offset || *Offset < 0)
    return std::nullopt;
  SmallString<256> Path(*File);
  if (sys::path::is_relative(*File) && !Directory.empty()) {
    Path = Directory;
    sys::path::append(Path, *File);
  }
  sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
  return Located{std::string(Path), static_cast<size_t>(*Offset)};
}

StringRef directory(const json::Object &Diagnostic) {
  return Diagnostic.getString("buildDirectory").value_or("");
}

/// Where the squiggle ends: a source range the check attached that holds the
/// location, or else the identifier (or one character) at the location.
size_t extentEnd(const json::Object &Diagnostic, const Located &At,
                 Files &Texts) {
  StringRef Directory = directory(Diagnostic);
  if (const json::Array *Ranges = Diagnostic.getArray("ranges"))
    for (const json::Value &RangeValue : *Ranges) {
      const json::Object *Range = RangeValue.getAsObject();
      std::optional<Located> Start =
          Range ? location(*Range, Directory) : std::nullopt;
      std::optional<int64_t> Length =
          Range ? Range->getInteger("length") : std::nullopt;
      if (Start && Length && Start->Offset <= At.Offset &&
          At.Offset < Start->Offset + *Length && Texts.isDocument(Start->File))
        return Start->Offset + *Length;
    }
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

json::Array relatedInformation(const json::Object &Diagnostic, Files &Texts) {
  StringRef Directory = directory(Diagnostic);
  json::Array Related;
  if (const json::Array *Notes = Diagnostic.getArray("notes"))
    for (const json::Value &NoteValue : *Notes) {
      const json::Object *Note = NoteValue.getAsObject();
      std::optional<Located> At =
          Note ? location(*Note, Directory) : std::nullopt;
      if (!At)
        continue;
      json::Object Range = Texts.text(At->File).range(At->Offset, At->Offset);
      Related.push_back(
          json::Object{{"location", json::Object{{"uri", uriFromPath(At->File)},
                                                 {"range", std::move(Range)}}},
                       {"message", Note->getString("message").value_or("")}});
    }
  return Related;
}

/// The fix-its of \p Diagnostic as a WorkspaceEdit, and a title for it.
std::optional<std::pair<json::Object, std::string>>
quickFix(const json::Object &Diagnostic, Files &Texts) {
  const json::Array *Fixes = Diagnostic.getArray("fixes");
  if (!Fixes || Fixes->empty())
    return std::nullopt;
  StringRef Directory = directory(Diagnostic);
  json::Object Changes;
  std::string Title;
  for (const json::Value &FixValue : *Fixes) {
    const json::Object *Fix = FixValue.getAsObject();
    std::optional<Located> At = Fix ? location(*Fix, Directory) : std::nullopt;
    std::optional<int64_t> Length =
        Fix ? Fix->getInteger("length") : std::nullopt;
    std::optional<StringRef> Replacement =
        Fix ? Fix->getString("replacement") : std::nullopt;
    if (!At || !Length || *Length < 0 || !Replacement)
      return std::nullopt;
    const TextIndex &Text = Texts.text(At->File);
    StringRef Old = Text.text().substr(At->Offset, *Length);
    if (Old.size() != static_cast<size_t>(*Length))
      return std::nullopt; // The file changed under the worker.
    std::string Uri = uriFromPath(At->File);
    if (!Changes.get(Uri))
      Changes[Uri] = json::Array();
    Changes.getArray(Uri)->push_back(
        json::Object{{"range", Text.range(At->Offset, At->Offset + *Length)},
                     {"newText", *Replacement}});
    Title = Old.empty()            ? "insert '" + Replacement->str() + "'"
            : Replacement->empty() ? "remove '" + Old.str() + "'"
                                   : "replace '" + Old.str() + "' with '" +
                                         Replacement->str() + "'";
  }
  if (Fixes->size() > 1)
    Title = "apply " + std::to_string(Fixes->size()) + " fix-its";
  return std::make_pair(json::Object{{"changes", std::move(Changes)}}, Title);
}

} // namespace

std::vector<Finding> findingsFromResult(const json::Object &Result,
                                        StringRef Path, const TextIndex &Text) {
  Files Texts(Path, Text);
  std::vector<Finding> Findings;
  // The same finding reached through two template instantiations or two
  // inclusions is shown once.
  std::set<std::tuple<std::string, size_t, std::string>> Seen;
  std::optional<json::Object> FirstErrorElsewhere; // as related information
  bool ErrorHere = false;
  if (const json::Array *Diagnostics = Result.getArray("diagnostics"))
    for (const json::Value &Value : *Diagnostics) {
      const json::Object *Diagnostic = Value.getAsObject();
      std::optional<Located> At =
          Diagnostic ? location(*Diagnostic, directory(*Diagnostic))
                     : std::nullopt;
      if (!At)
        continue;
      StringRef Level = Diagnostic->getString("level").value_or("warning");
      if (!Texts.isDocument(At->File)) {
        if (Level == "error" && !FirstErrorElsewhere)
          FirstErrorElsewhere = json::Object{
              {"location",
               json::Object{{"uri", uriFromPath(At->File)},
                            {"range", Texts.text(At->File).range(At->Offset,
                                                                 At->Offset)}}},
              {"message", Diagnostic->getString("message").value_or("")}};
        continue;
      }
      ErrorHere |= Level == "error";
      std::string Check = Diagnostic->getString("check").value_or("").str();
      std::string Message = Diagnostic->getString("message").value_or("").str();
      if (!Seen.insert({Check, At->Offset, Message}).second)
        continue;

      size_t End = extentEnd(*Diagnostic, *At, Texts);
      Finding F;
      F.Begin = Text.point(At->Offset);
      F.End = Text.point(End);
      F.Diagnostic = json::Object{{"range", Text.range(At->Offset, End)},
                                  {"severity", severity(Level)},
                                  {"source", "async-tidy"},
                                  {"code", Check},
                                  {"message", Message}};
      if (std::optional<std::string> Page = documentation(Check))
        F.Diagnostic["codeDescription"] = json::Object{{"href", *Page}};
      json::Array Related = relatedInformation(*Diagnostic, Texts);
      if (!Related.empty())
        F.Diagnostic["relatedInformation"] = std::move(Related);
      if (auto Fix = quickFix(*Diagnostic, Texts)) {
        F.Fix = std::move(Fix->first);
        F.FixTitle = std::move(Fix->second);
      }
      Findings.push_back(std::move(F));
    }

  // A translation unit broken by an included file would otherwise show no
  // error at all, only missing findings.
  if (Result.getBoolean("failed").value_or(false) && !ErrorHere) {
    Finding F = problemFinding(
        "an included file has compile errors; findings may be missing");
    if (FirstErrorElsewhere)
      F.Diagnostic["relatedInformation"] =
          json::Array{std::move(*FirstErrorElsewhere)};
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

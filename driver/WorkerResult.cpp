//===--- WorkerResult.cpp -------------------------------------------------===//

#include "WorkerResult.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

using namespace clang;
using namespace clang::tidy;
using namespace llvm;

namespace async_tidy {

static constexpr int Version = 1;

static StringRef levelName(tooling::Diagnostic::Level Level) {
  if (Level == tooling::Diagnostic::Error)
    return "error";
  if (Level == tooling::Diagnostic::Warning)
    return "warning";
  return "remark";
}

json::Object toJson(const tooling::DiagnosticMessage &Message,
                    LineTable &Lines) {
  auto [Line, Column] = Lines.position(Message.FilePath, Message.FileOffset);
  json::Array Fixes;
  for (const auto &FileFix : Message.Fix)
    for (const tooling::Replacement &R : FileFix.second)
      Fixes.push_back(json::Object{{"file", R.getFilePath()},
                                   {"offset", R.getOffset()},
                                   {"length", R.getLength()},
                                   {"replacement", R.getReplacementText()}});
  json::Array Ranges;
  for (const tooling::FileByteRange &Range : Message.Ranges)
    Ranges.push_back(json::Object{{"file", Range.FilePath},
                                  {"offset", Range.FileOffset},
                                  {"length", Range.Length}});
  json::Object Object{{"message", Message.Message},
                      {"file", Message.FilePath},
                      {"offset", Message.FileOffset},
                      {"line", Line},
                      {"column", Column}};
  if (!Fixes.empty())
    Object["fixes"] = std::move(Fixes);
  if (!Ranges.empty())
    Object["ranges"] = std::move(Ranges);
  return Object;
}

json::Object toJson(const ClangTidyError &Error, LineTable &Lines) {
  json::Object Diagnostic = toJson(Error.Message, Lines);
  Diagnostic["check"] = Error.DiagnosticName;
  Diagnostic["level"] = levelName(Error.DiagLevel);
  Diagnostic["buildDirectory"] = Error.BuildDirectory;
  if (Error.IsWarningAsError)
    Diagnostic["warningAsError"] = true;
  json::Array Notes;
  for (const tooling::DiagnosticMessage &Note : Error.Notes)
    Notes.push_back(toJson(Note, Lines));
  Diagnostic["notes"] = std::move(Notes);
  if (!Diagnostic.get("fixes"))
    Diagnostic["fixes"] = json::Array();
  return Diagnostic;
}

json::Value toJson(const WorkerResult &Result, LineTable &Lines) {
  json::Array Diagnostics;
  for (const ClangTidyError &Error : Result.Errors)
    Diagnostics.push_back(toJson(Error, Lines));
  json::Array Dependencies;
  for (const std::string &Path : Result.Dependencies)
    Dependencies.push_back(Path);
  json::Object Object{{"version", Version},
                      {"file", Result.File},
                      {"failed", Result.Failed},
                      {"diagnostics", std::move(Diagnostics)},
                      {"dependencies", std::move(Dependencies)}};
  if (Result.Summary)
    Object["summary"] = *Result.Summary;
  return Object;
}

static Error malformed(const Twine &What) {
  return createStringError(inconvertibleErrorCode(),
                           "malformed worker result: " + What);
}

static Expected<tooling::DiagnosticMessage>
messageFromJson(const json::Object &Object) {
  tooling::DiagnosticMessage Message;
  std::optional<StringRef> Text = Object.getString("message");
  std::optional<StringRef> File = Object.getString("file");
  std::optional<int64_t> Offset = Object.getInteger("offset");
  if (!Text || !File || !Offset || *Offset < 0)
    return malformed("a message lacks its text, file or offset");
  Message.Message = Text->str();
  Message.FilePath = File->str();
  Message.FileOffset = *Offset;
  if (const json::Array *Fixes = Object.getArray("fixes"))
    for (const json::Value &Fix : *Fixes) {
      const json::Object *R = Fix.getAsObject();
      std::optional<StringRef> FixFile =
          R ? R->getString("file") : std::nullopt;
      std::optional<int64_t> At = R ? R->getInteger("offset") : std::nullopt;
      std::optional<int64_t> Length =
          R ? R->getInteger("length") : std::nullopt;
      std::optional<StringRef> Text =
          R ? R->getString("replacement") : std::nullopt;
      if (!FixFile || !At || !Length || !Text || *At < 0 || *Length < 0)
        return malformed("a fix lacks its file, offset, length or text");
      if (Error E = Message.Fix[*FixFile].add(
              tooling::Replacement(*FixFile, *At, *Length, *Text)))
        return std::move(E);
    }
  if (const json::Array *Ranges = Object.getArray("ranges"))
    for (const json::Value &RangeValue : *Ranges) {
      const json::Object *Range = RangeValue.getAsObject();
      std::optional<StringRef> RangeFile =
          Range ? Range->getString("file") : std::nullopt;
      std::optional<int64_t> At =
          Range ? Range->getInteger("offset") : std::nullopt;
      std::optional<int64_t> Length =
          Range ? Range->getInteger("length") : std::nullopt;
      if (!RangeFile || !At || !Length || *At < 0 || *Length < 0)
        return malformed("a range lacks its file, offset or length");
      tooling::FileByteRange Byte;
      Byte.FilePath = RangeFile->str();
      Byte.FileOffset = *At;
      Byte.Length = *Length;
      Message.Ranges.push_back(std::move(Byte));
    }
  return Message;
}

static tooling::Diagnostic::Level levelFromName(StringRef Name) {
  if (Name == "error")
    return tooling::Diagnostic::Error;
  if (Name == "warning")
    return tooling::Diagnostic::Warning;
  return tooling::Diagnostic::Remark;
}

Expected<WorkerResult> workerResultFromJson(const json::Value &V) {
  const json::Object *Root = V.getAsObject();
  if (!Root || Root->getInteger("version") != Version)
    return malformed("not a version " + Twine(Version) + " result");
  WorkerResult Result;
  Result.File = Root->getString("file").value_or("").str();
  Result.Failed = Root->getBoolean("failed").value_or(false);
  if (const json::Array *Dependencies = Root->getArray("dependencies"))
    for (const json::Value &Path : *Dependencies)
      if (std::optional<StringRef> S = Path.getAsString())
        Result.Dependencies.push_back(S->str());
  if (const json::Value *Summary = Root->get("summary"))
    Result.Summary = *Summary;
  const json::Array *Diagnostics = Root->getArray("diagnostics");
  if (!Diagnostics)
    return malformed("no diagnostics");
  for (const json::Value &DiagnosticValue : *Diagnostics) {
    const json::Object *Diagnostic = DiagnosticValue.getAsObject();
    if (!Diagnostic)
      return malformed("a diagnostic is not an object");
    ClangTidyError Error(
        Diagnostic->getString("check").value_or(""),
        levelFromName(Diagnostic->getString("level").value_or("")),
        Diagnostic->getString("buildDirectory").value_or(""),
        Diagnostic->getBoolean("warningAsError").value_or(false));
    auto Message = messageFromJson(*Diagnostic);
    if (!Message)
      return Message.takeError();
    Error.Message = std::move(*Message);
    if (const json::Array *Notes = Diagnostic->getArray("notes"))
      for (const json::Value &NoteValue : *Notes) {
        const json::Object *Note = NoteValue.getAsObject();
        if (!Note)
          return malformed("a note is not an object");
        auto NoteMessage = messageFromJson(*Note);
        if (!NoteMessage)
          return NoteMessage.takeError();
        Error.Notes.push_back(std::move(*NoteMessage));
      }
    Result.Errors.push_back(std::move(Error));
  }
  return Result;
}

Error writeWorkerResult(StringRef Path, const WorkerResult &Result,
                        LineTable &Lines) {
  json::Value Value = toJson(Result, Lines);
  return writeToOutput(Path, [&](raw_ostream &OS) {
    OS << Value;
    return Error::success();
  });
}

Expected<WorkerResult> readWorkerResult(StringRef Path) {
  auto Buffer = MemoryBuffer::getFile(Path);
  if (!Buffer)
    return createStringError(Buffer.getError(),
                             "cannot read '" + Path +
                                 "': " + Buffer.getError().message());
  Expected<json::Value> Value = json::parse((*Buffer)->getBuffer());
  if (!Value)
    return Value.takeError();
  return workerResultFromJson(*Value);
}

} // namespace async_tidy

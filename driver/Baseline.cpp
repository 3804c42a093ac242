//===--- Baseline.cpp -----------------------------------------------------===//

#include "Baseline.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/xxhash.h"

using namespace clang::tidy;

namespace async_tidy {

std::string fingerprint(const ClangTidyError &Error, LineTable &Lines) {
  const clang::tooling::DiagnosticMessage &Message = Error.Message;
  std::string Key =
      (Error.DiagnosticName + "\n" +
       llvm::sys::path::filename(Message.FilePath) + "\n" + Message.Message +
       "\n" + Lines.lineText(Message.FilePath, Message.FileOffset).trim())
          .str();
  return llvm::utohexstr(llvm::xxh3_64bits(Key));
}

static llvm::Error malformed(llvm::StringRef Path, const llvm::Twine &Why) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 "malformed baseline '" + Path + "': " + Why);
}

llvm::Expected<Baseline> readBaseline(llvm::StringRef Path) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  if (!Buffer)
    return llvm::createStringError(Buffer.getError(),
                                   "cannot read baseline '" + Path +
                                       "': " + Buffer.getError().message());
  llvm::Expected<llvm::json::Value> Parsed =
      llvm::json::parse((*Buffer)->getBuffer());
  if (!Parsed)
    return malformed(Path, llvm::toString(Parsed.takeError()));
  const llvm::json::Object *Root = Parsed->getAsObject();
  const llvm::json::Array *Findings =
      Root ? Root->getArray("findings") : nullptr;
  if (!Findings)
    return malformed(Path, "no \"findings\" array");
  Baseline Result;
  for (const llvm::json::Value &Item : *Findings) {
    const llvm::json::Object *Entry = Item.getAsObject();
    std::optional<llvm::StringRef> Print =
        Entry ? Entry->getString("fingerprint") : std::nullopt;
    if (!Print)
      return malformed(Path, "an entry without \"fingerprint\"");
    BaselineEntry &E = Result[*Print];
    E.Check = Entry->getString("check").value_or("").str();
    E.File = Entry->getString("file").value_or("").str();
    E.Message = Entry->getString("message").value_or("").str();
  }
  return Result;
}

llvm::Error writeBaseline(llvm::StringRef Path,
                          const std::vector<ClangTidyError> &Errors,
                          LineTable &Lines) {
  llvm::json::Array Findings;
  for (const ClangTidyError &Error : Errors) {
    if (Error.DiagLevel == ClangTidyError::Error)
      continue;
    Findings.push_back(
        llvm::json::Object{{"fingerprint", fingerprint(Error, Lines)},
                           {"check", Error.DiagnosticName},
                           {"file", Error.Message.FilePath},
                           {"message", Error.Message.Message}});
  }
  llvm::json::Object Root{{"version", 1}, {"findings", std::move(Findings)}};
  return llvm::writeToOutput(Path, [&](llvm::raw_ostream &OS) {
    OS << llvm::formatv("{0:2}", llvm::json::Value(std::move(Root))) << "\n";
    return llvm::Error::success();
  });
}

} // namespace async_tidy

//===--- Analysis.cpp -----------------------------------------------------===//

#include "Analysis.h"
#include "EditorCaches.h"
#include "RecordingFileSystem.h"
#include "RunChecks.h"
#include "TidyCompat.h"
#include "checks/model/Summaries.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/VirtualFileSystem.h"

using namespace clang;
using namespace clang::tidy;
using namespace llvm;
namespace model = clang::tidy::async::model;

namespace async_tidy {

namespace {

/// Clang reports paths as the compile command spells them; a relative one
/// is relative to the command's directory. Results leave the process, so
/// every path in them is made absolute.
std::string absolute(StringRef Path, StringRef Directory) {
  if (Path.empty() || sys::path::is_absolute(Path))
    return Path.str();
  SmallString<256> Joined(Directory);
  sys::path::append(Joined, Path);
  sys::path::remove_dots(Joined, /*remove_dot_dot=*/false);
  return std::string(Joined);
}

void makeAbsolute(tooling::DiagnosticMessage &Message, StringRef Directory) {
  Message.FilePath = absolute(Message.FilePath, Directory);
  for (tooling::FileByteRange &Range : Message.Ranges)
    Range.FilePath = absolute(Range.FilePath, Directory);
  llvm::StringMap<tooling::Replacements> Fix;
  for (const auto &FileFix : Message.Fix) {
    std::string File = absolute(FileFix.first(), Directory);
    for (const tooling::Replacement &R : FileFix.second)
      consumeError(Fix[File].add(tooling::Replacement(
          File, R.getOffset(), R.getLength(), R.getReplacementText())));
  }
  Message.Fix = std::move(Fix);
}

} // namespace

WorkerResult analyze(const tooling::CompilationDatabase &Database,
                     std::unique_ptr<ClangTidyOptionsProvider> Options,
                     IntrusiveRefCntPtr<vfs::FileSystem> BaseFS,
                     const AnalysisRequest &Request) {
  auto Read = std::make_shared<StringSet<>>();
  auto FS = makeIntrusiveRefCnt<vfs::OverlayFileSystem>(
      makeIntrusiveRefCnt<RecordingFileSystem>(std::move(BaseFS), Read));
  if (Request.Contents) {
    auto Buffer = makeIntrusiveRefCnt<vfs::InMemoryFileSystem>();
    Buffer->addFile(
        Request.File, /*ModificationTime=*/0,
        MemoryBuffer::getMemBufferCopy(*Request.Contents, Request.File));
    FS->pushOverlay(Buffer);
  }

  ClangTidyContext Context(std::move(Options));
  IntrusiveRefCntPtr<DiagnosticIDs> IDs = newDiagnosticIDs();
  WorkerResult Result;
  Result.File = Request.File;
  model::SummaryRecorder Recorder;
  {
    std::optional<model::RecordSummaries> Recording;
    if (Request.RecordSummary)
      Recording.emplace(Recorder);
    do {
      Result.Errors = runChecks(Context, IDs, Database, FS, Request);
      for (ClangTidyError &Error : Result.Errors) {
        makeAbsolute(Error.Message, Error.BuildDirectory);
        for (tooling::DiagnosticMessage &Note : Error.Notes)
          makeAbsolute(Note, Error.BuildDirectory);
      }
      // A parse that skipped bodies and did not go as planned is redone.
    } while (Request.Editor && !Request.Editor->Bodies.finish(Result.Errors));
  }
  if (Request.RecordSummary)
    Result.Summary = Recorder.toJson();
  Result.Failed = llvm::any_of(Result.Errors, [](const ClangTidyError &E) {
    return E.DiagnosticName == "clang-diagnostic-error";
  });
  // A reused preamble's headers were read when it was built.
  if (Request.Editor)
    for (const std::string &Path : Request.Editor->Preambles.lastUsedInputs())
      Read->insert(Path);
  for (const auto &Entry : *Read)
    Result.Dependencies.push_back(Entry.getKey().str());
  llvm::sort(Result.Dependencies);
  return Result;
}

} // namespace async_tidy

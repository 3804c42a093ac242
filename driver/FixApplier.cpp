//===--- FixApplier.cpp ---------------------------------------------------===//

#include "FixApplier.h"
#include "clang/Format/Format.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

using namespace clang;
using namespace llvm;

namespace async_tidy {

/// Whether applying both edits makes their order matter: replaced ranges
/// that share text, an insertion strictly inside a replaced range, or two
/// insertions at one place. An insertion at either end of a replaced range
/// is fine: it goes before or after it.
static bool overlaps(const tooling::Replacement &A,
                     const tooling::Replacement &B) {
  unsigned AEnd = A.getOffset() + A.getLength();
  unsigned BEnd = B.getOffset() + B.getLength();
  if (!A.getLength() && !B.getLength())
    return A.getOffset() == B.getOffset();
  if (!A.getLength())
    return B.getOffset() < A.getOffset() && A.getOffset() < BEnd;
  if (!B.getLength())
    return A.getOffset() < B.getOffset() && B.getOffset() < AEnd;
  return A.getOffset() < BEnd && B.getOffset() < AEnd;
}

static std::string absolutePath(const tooling::Replacement &R,
                                StringRef BuildDirectory) {
  SmallString<256> Path(R.getFilePath());
  if (!sys::path::is_absolute(Path) && !BuildDirectory.empty()) {
    Path = BuildDirectory;
    sys::path::append(Path, R.getFilePath());
  }
  sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
  return std::string(Path);
}

bool FixApplier::add(const tidy::ClangTidyError &Error) {
  std::vector<std::pair<std::string, tooling::Replacement>> New;
  for (const auto &FileFix : Error.Message.Fix)
    for (const tooling::Replacement &R : FileFix.second) {
      std::string Path = absolutePath(R, Error.BuildDirectory);
      bool Known = false;
      for (const tooling::Replacement &Taken : Edits.lookup(Path)) {
        if (Taken.getOffset() == R.getOffset() &&
            Taken.getLength() == R.getLength() &&
            Taken.getReplacementText() == R.getReplacementText())
          Known = true;
        else if (overlaps(Taken, R))
          return false;
      }
      if (!Known)
        New.emplace_back(Path, tooling::Replacement(Path, R.getOffset(),
                                                    R.getLength(),
                                                    R.getReplacementText()));
    }
  for (auto &[Path, R] : New)
    Edits[Path].push_back(std::move(R));
  return true;
}

/// Writes \p Text over \p Path through a temporary file in the same
/// directory, keeping the file's permissions.
static std::error_code replaceFile(StringRef Path, StringRef Text,
                                   sys::fs::perms Permissions) {
  Expected<sys::fs::TempFile> Temp =
      sys::fs::TempFile::create(Path + "-async-tidy-%%%%%%.tmp");
  if (!Temp)
    return errorToErrorCode(Temp.takeError());
  raw_fd_ostream OS(Temp->FD, /*shouldClose=*/false);
  OS << Text;
  OS.flush();
  std::error_code EC = OS.error();
  if (!EC)
    EC = sys::fs::setPermissions(Temp->TmpName, Permissions);
  if (EC) {
    consumeError(Temp->discard());
    return EC;
  }
  return errorToErrorCode(Temp->keep(Path));
}

/// Cleans up and reformats around the edits, as clang-tidy does when a
/// format style is set.
static Expected<tooling::Replacements>
formatted(StringRef Path, StringRef Code, const tooling::Replacements &Edits,
          StringRef StyleName) {
  if (StyleName.empty() || StyleName == "none")
    return Edits;
  Expected<format::FormatStyle> Style =
      format::getStyle(StyleName, Path, "none");
  if (!Style)
    return Style.takeError();
  Expected<tooling::Replacements> Cleaned =
      format::cleanupAroundReplacements(Code, Edits, *Style);
  if (!Cleaned)
    return Cleaned.takeError();
  return format::formatReplacements(Code, *Cleaned, *Style);
}

FixApplier::Outcome
FixApplier::apply(function_ref<std::string(StringRef File)> StyleFor) {
  Outcome Result;
  for (auto &[Path, FileEdits] : Edits) {
    sys::fs::file_status Status;
    if (std::error_code EC = sys::fs::status(Path, Status)) {
      Result.Failures.push_back("cannot fix '" + Path.str() +
                                "': " + EC.message());
      continue;
    }
    // Permission bits, not access(): run as root, every file is writable,
    // yet a file marked read-only is not meant to be edited.
    sys::fs::perms Permissions = Status.permissions();
    if (!(Permissions & (sys::fs::owner_write | sys::fs::group_write |
                         sys::fs::others_write))) {
      Result.Failures.push_back("cannot fix '" + Path.str() +
                                "': the file is read-only");
      continue;
    }
    auto Buffer = MemoryBuffer::getFile(Path);
    if (!Buffer) {
      Result.Failures.push_back("cannot fix '" + Path.str() +
                                "': " + Buffer.getError().message());
      continue;
    }
    tooling::Replacements Sorted;
    Error Problem = Error::success();
    for (const tooling::Replacement &R : FileEdits) {
      if (R.getOffset() + R.getLength() > (*Buffer)->getBufferSize())
        Problem = joinErrors(std::move(Problem),
                             createStringError(inconvertibleErrorCode(),
                                               "the file is shorter than when "
                                               "it was analyzed"));
      else
        Problem = joinErrors(std::move(Problem), Sorted.add(R));
    }
    StringRef Code = (*Buffer)->getBuffer();
    Expected<tooling::Replacements> Final =
        Problem ? std::move(Problem)
                : formatted(Path, Code, Sorted, StyleFor(Path));
    Expected<std::string> Fixed =
        Final ? tooling::applyAllReplacements(Code, *Final) : Final.takeError();
    if (!Fixed) {
      Result.Failures.push_back("cannot fix '" + Path.str() +
                                "': " + toString(Fixed.takeError()));
      continue;
    }
    if (std::error_code EC = replaceFile(Path, *Fixed, Permissions)) {
      Result.Failures.push_back("cannot write '" + Path.str() +
                                "': " + EC.message());
      continue;
    }
    ++Result.FilesWritten;
    Result.EditsApplied += FileEdits.size();
  }
  return Result;
}

} // namespace async_tidy

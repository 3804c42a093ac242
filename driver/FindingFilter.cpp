//===--- FindingFilter.cpp ------------------------------------------------===//

#include "FindingFilter.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

using namespace clang::tidy;
using namespace llvm;

namespace async_tidy {

bool FindingFilter::onChangedLine(const ClangTidyError &Error) {
  SmallString<256> Path(Error.Message.FilePath);
  if (sys::fs::make_absolute(Path))
    Path = Error.Message.FilePath; // already as absolute as it gets
  sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
  unsigned Line =
      Lines.position(Error.Message.FilePath, Error.Message.FileOffset).first;
  return Changed->contains(Path, Line);
}

std::vector<ClangTidyError>
FindingFilter::filter(std::vector<ClangTidyError> Errors) {
  std::vector<ClangTidyError> Kept;
  for (ClangTidyError &Error : Errors) {
    // The fix is part of the key: two files whose configurations fix one
    // header finding differently must both reach the fix applier.
    std::string Key = Error.DiagnosticName + "@" + Error.Message.FilePath +
                      ":" + std::to_string(Error.Message.FileOffset) + ":" +
                      Error.Message.Message;
    for (const auto &FileFix : Error.Message.Fix)
      for (const clang::tooling::Replacement &R : FileFix.second)
        Key += "\n" + R.toString();
    if (!Reported.insert(Key).second)
      continue;
    if (Error.DiagnosticName == "clang-tidy-config") {
      BadConfig = true;
    } else if (Error.DiagnosticName != "clang-diagnostic-error") {
      if (KeepForBaseline)
        AllFindings.push_back(Error);
      if (Changed && !onChangedLine(Error))
        continue;
      auto Entry = Known.find(fingerprint(Error, Lines));
      if (Entry != Known.end()) {
        Entry->second.Seen = true;
        ++Hidden;
        continue;
      }
      ++Warnings;
    }
    Kept.push_back(std::move(Error));
  }
  return Kept;
}

} // namespace async_tidy

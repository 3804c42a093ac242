//===--- ChangedLines.cpp -------------------------------------------------===//

#include "ChangedLines.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FileUtilities.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"

namespace async_tidy {

static llvm::Error failure(const llvm::Twine &Message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Message);
}

/// Runs git with \p Args and returns what it printed.
static llvm::Expected<std::string> git(llvm::ArrayRef<llvm::StringRef> Args) {
  llvm::ErrorOr<std::string> Git = llvm::sys::findProgramByName("git");
  if (!Git)
    return failure("--changed-since needs git on the PATH");
  llvm::SmallString<128> Out, Err;
  for (llvm::SmallString<128> *Path : {&Out, &Err})
    if (std::error_code EC =
            llvm::sys::fs::createTemporaryFile("async-tidy-git", "txt", *Path))
      return failure("cannot create a temporary file: " + EC.message());
  // Removed on every way out.
  llvm::FileRemover RemoveOut(Out), RemoveErr(Err);
  std::vector<llvm::StringRef> Argv{*Git};
  Argv.insert(Argv.end(), Args.begin(), Args.end());
  std::optional<llvm::StringRef> Redirects[] = {std::nullopt, Out.str(),
                                                Err.str()};
  int Status = llvm::sys::ExecuteAndWait(*Git, Argv, std::nullopt, Redirects);
  auto Read = [](llvm::StringRef Path) {
    auto Buffer = llvm::MemoryBuffer::getFile(Path);
    return Buffer ? (*Buffer)->getBuffer().str() : std::string();
  };
  std::string Output = Read(Out), Errors = Read(Err);
  if (Status != 0)
    return failure("git " + llvm::join(Args, " ") +
                   " failed: " + llvm::StringRef(Errors).trim());
  return Output;
}

llvm::Expected<ChangedLines> ChangedLines::sinceRevision(llvm::StringRef Rev) {
  llvm::Expected<std::string> Top = git({"rev-parse", "--show-toplevel"});
  if (!Top)
    return Top.takeError();
  llvm::Expected<std::string> Diff =
      git({"diff", "-U0", "--no-color", "--no-ext-diff", Rev});
  if (!Diff)
    return Diff.takeError();
  return parse(*Diff, llvm::StringRef(*Top).trim());
}

ChangedLines ChangedLines::parse(llvm::StringRef Diff, llvm::StringRef Top) {
  ChangedLines Result;
  std::string File;
  llvm::SmallVector<llvm::StringRef, 0> Lines;
  Diff.split(Lines, '\n');
  for (llvm::StringRef Line : Lines) {
    if (Line.consume_front("+++ ")) {
      File.clear();
      if (Line.consume_front("b/")) {
        llvm::SmallString<256> Path(Top);
        llvm::sys::path::append(Path, Line);
        File = std::string(Path);
      }
      continue;
    }
    // @@ -a,b +c,d @@: lines c .. c+d-1 are new (d defaults to 1).
    if (File.empty() || !Line.consume_front("@@ "))
      continue;
    size_t Plus = Line.find('+');
    if (Plus == llvm::StringRef::npos)
      continue;
    llvm::StringRef New = Line.substr(Plus + 1).split(' ').first;
    auto [Start, Count] = New.split(',');
    unsigned First = 0, Length = 1;
    if (Start.getAsInteger(10, First) ||
        (!Count.empty() && Count.getAsInteger(10, Length)))
      continue;
    if (Length > 0)
      Result.Ranges[File].push_back({First, First + Length - 1});
  }
  return Result;
}

bool ChangedLines::contains(llvm::StringRef File, unsigned Line) const {
  auto It = Ranges.find(File);
  if (It == Ranges.end())
    return false;
  for (const auto &[First, Last] : It->second)
    if (Line >= First && Line <= Last)
      return true;
  return false;
}

} // namespace async_tidy

//===--- ConfigFiles.cpp --------------------------------------------------===//

#include "ConfigFiles.h"
#include "CheckSelection.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

using namespace llvm;

namespace async_tidy {

Expected<clang::tidy::ClangTidyOptions> parseConfigText(StringRef Text,
                                                        StringRef Source) {
  ErrorOr<clang::tidy::ClangTidyOptions> Parsed =
      clang::tidy::parseConfiguration(MemoryBufferRef(Text, Source));
  if (!Parsed)
    return createStringError(Parsed.getError(),
                             "invalid configuration in '" + Source +
                                 "': " + Parsed.getError().message());
  if (Parsed->Checks)
    if (std::string Unknown = findUnknownCheck(*Parsed->Checks);
        !Unknown.empty())
      return createStringError(inconvertibleErrorCode(),
                               "unknown check '" + Unknown + "' in '" + Source +
                                   "'");
  return std::move(*Parsed);
}

Error checkConfigFiles(const std::vector<std::string> &Files) {
  StringSet<> Seen; // directories already walked up from
  for (const std::string &File : Files) {
    SmallString<256> Directory(File);
    sys::fs::make_absolute(Directory);
    sys::path::remove_filename(Directory);
    for (; !Directory.empty(); Directory = sys::path::parent_path(Directory)) {
      if (!Seen.insert(Directory).second)
        break;
      SmallString<256> Config(Directory);
      sys::path::append(Config, ".clang-tidy");
      if (!sys::fs::is_regular_file(Config))
        continue;
      auto Buffer = MemoryBuffer::getFile(Config);
      if (!Buffer)
        return createStringError(Buffer.getError(),
                                 "cannot read '" + Config +
                                     "': " + Buffer.getError().message());
      auto Options = parseConfigText((*Buffer)->getBuffer(), Config);
      if (!Options)
        return Options.takeError();
      if (!Options->InheritParentConfig.value_or(false))
        break;
    }
  }
  return Error::success();
}

} // namespace async_tidy

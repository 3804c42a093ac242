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
  return std::move(*Parsed);
}

/// Calls \p Visit with the path and options of each .clang-tidy that
/// applies to one of \p Files, each once; stops at the first that cannot be
/// read or parsed.
static Error forEachConfigFile(
    const std::vector<std::string> &Files,
    function_ref<void(StringRef, const clang::tidy::ClangTidyOptions &)>
        Visit) {
  StringSet<> Seen; // directories already walked up from
  for (const std::string &File : Files) {
    SmallString<256> Directory(File);
    if (std::error_code EC = sys::fs::make_absolute(Directory))
      return createStringError(EC, "cannot resolve '" + File +
                                       "': " + EC.message());
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
      Visit(Config, *Options);
      if (!Options->InheritParentConfig.value_or(false))
        break;
    }
  }
  return Error::success();
}

Error checkConfigFiles(const std::vector<std::string> &Files) {
  return forEachConfigFile(Files, [](StringRef, const auto &) {});
}

std::vector<std::string>
configFileCheckProblems(const std::vector<std::string> &Files) {
  std::vector<std::string> Problems;
  consumeError(forEachConfigFile(
      Files, [&](StringRef Path, const clang::tidy::ClangTidyOptions &Options) {
        if (Options.Checks)
          llvm::append_range(
              Problems,
              checkGlobProblems(*Options.Checks, "'" + Path.str() + "'"));
      }));
  return Problems;
}

} // namespace async_tidy

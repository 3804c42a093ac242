//===--- CheckPages.cpp ---------------------------------------------------===//

#include "CheckPages.h"
#include "../CheckDocs.h"
#include "Convert.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include <mutex>

using namespace llvm;

namespace async_tidy::lsp {

/// The folder the pages of this version go to.
static SmallString<256> pagesFolder() {
  SmallString<256> Folder;
  if (!sys::path::cache_directory(Folder))
    sys::path::system_temp_directory(/*ErasedOnReboot=*/false, Folder);
  sys::path::append(Folder, "async-tidy", ASYNC_TIDY_VERSION, "checks");
  return Folder;
}

/// Writes \p Text to \p Path unless it is there already; through a
/// temporary file, so that a second server never reads half a page.
static bool writePage(StringRef Path, StringRef Text) {
  if (auto Existing = MemoryBuffer::getFile(Path))
    if ((*Existing)->getBuffer() == Text)
      return true;
  if (sys::fs::create_directories(sys::path::parent_path(Path)))
    return false;
  SmallString<256> Temporary;
  int FD;
  if (sys::fs::createUniqueFile(Path + ".%%%%%%", FD, Temporary))
    return false;
  {
    raw_fd_ostream OS(FD, /*shouldClose=*/true);
    OS << Text;
    if (OS.has_error()) {
      OS.clear_error();
      consumeError(errorCodeToError(sys::fs::remove(Temporary)));
      return false;
    }
  }
  if (sys::fs::rename(Temporary, Path)) {
    consumeError(errorCodeToError(sys::fs::remove(Temporary)));
    return false;
  }
  return true;
}

std::optional<std::string> checkPageUri(StringRef Check) {
  if (std::optional<StringRef> Doc = checkDoc(Check)) {
    // Analyses finish on several threads; each page is written once.
    static std::mutex Mutex;
    static StringMap<std::optional<std::string>> Written;
    std::lock_guard<std::mutex> Lock(Mutex);
    auto [It, New] = Written.try_emplace(Check);
    if (New) {
      SmallString<256> Path = pagesFolder();
      sys::path::append(Path, Check + ".md");
      if (writePage(Path, *Doc))
        It->second = uriFromPath(Path);
    }
    return It->second;
  }
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

} // namespace async_tidy::lsp

//===--- PreambleCache.h - The include block, parsed once per edit --------===//
//
// An editor re-analyzes a file after every pause in typing, and most edits
// leave its #include block alone. A worker of the language server keeps a
// clang::PrecompiledPreamble of each file's include block in memory, as
// clangd does, and parses only the rest of the file while the block, the
// compile command and the headers on disk stay the same.
//
// The first analysis of a file parses everything, as the compiler would,
// and the preamble is built after its result has been sent, so opening a
// file costs no more than a parse. A preamble whose build gave any warning
// or error is never used: those diagnostics belong to every analysis, and a
// preamble would hide them. Only async-* checks run on a preamble, since
// they neither watch the preprocessor nor look at what the preamble
// declares through anything but the AST.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_DRIVER_PREAMBLECACHE_H
#define ASYNC_TIDY_DRIVER_PREAMBLECACHE_H

#include "clang/Frontend/CompilerInvocation.h"
#include "clang/Frontend/PrecompiledPreamble.h"
#include "llvm/Support/VirtualFileSystem.h"
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace async_tidy {

class PreambleCache {
public:
  /// Sets up \p Invocation (and \p VFS, which may be replaced) to take its
  /// main file's preamble from the cache when a usable one matches. If
  /// none does, returns false and remembers the preamble to build.
  bool use(clang::CompilerInvocation &Invocation,
           llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> &VFS);

  /// Builds the preamble that use() last missed, if any.
  void buildPending();

  /// The files the preamble used by the last use() read; empty when it
  /// used none.
  const std::vector<std::string> &lastUsedInputs() const { return LastUsed; }

  /// Whether the cache holds a usable preamble.
  bool holdsPreamble() const;

private:
  struct Entry {
    std::string Command; ///< The compile command it was built with.
    clang::PrecompiledPreamble Preamble;
    bool Usable; ///< Its build gave no warning or error.
    std::vector<std::string> Inputs;
  };
  struct Pending {
    std::string File, Command;
    std::shared_ptr<clang::CompilerInvocation> Invocation;
    std::unique_ptr<llvm::MemoryBuffer> Contents;
    clang::PreambleBounds Bounds;
    llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> VFS;
  };

  std::map<std::string, Entry> ByFile;
  std::optional<Pending> Next;
  std::vector<std::string> LastUsed;
};

} // namespace async_tidy

#endif // ASYNC_TIDY_DRIVER_PREAMBLECACHE_H

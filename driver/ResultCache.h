//===--- ResultCache.h - Findings kept per translation unit ---------------===//
//
// An entry is found by a key made of the tool, the configuration and the
// compile command of a file; it holds the result and the content hash of
// every file the translation unit read. It is used only while each of those
// hashes still matches, so an edited header invalidates exactly the files
// that read it, and an unchanged rerun parses nothing.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_DRIVER_RESULTCACHE_H
#define ASYNC_TIDY_DRIVER_RESULTCACHE_H

#include "AnalysisOutcome.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Error.h"
#include <chrono>
#include <optional>
#include <string>

namespace async_tidy {

class ResultCache {
public:
  /// Creates \p Directory when missing. \p Tool identifies the analyzer
  /// build (its executable's hash): a rebuilt tool starts afresh.
  static llvm::Expected<ResultCache> open(llvm::StringRef Directory,
                                          std::string Tool);

  /// The key of \p File analyzed with \p Configuration (the effective
  /// options, as text) and \p Command (the compile command, joined).
  std::string key(llvm::StringRef File, llvm::StringRef Configuration,
                  llvm::StringRef Command) const;

  /// The stored result, with the cost of the analysis that made it.
  std::optional<AnalysisOutcome> lookup(llvm::StringRef Key);

  /// Stores atomically; a cache that cannot be written costs speed only, so
  /// the error is returned for a warning, not a failure. A result that read
  /// a file modified since the cache was opened (an editor saving during a
  /// background run) is not stored: the analysis may have read the old text
  /// while the entry would vouch for the new one.
  llvm::Error store(llvm::StringRef Key, const WorkerResult &Result,
                    uint64_t CostMs, LineTable &Lines);

  /// The BLAKE3 of a file's contents, hex; empty when it cannot be read.
  static std::string hashFile(llvm::StringRef Path);

private:
  ResultCache(std::string Directory, std::string Tool)
      : Directory(std::move(Directory)), Tool(std::move(Tool)),
        Opened(std::chrono::system_clock::now()) {}
  std::string entryPath(llvm::StringRef Key) const;
  /// Files are hashed once per run: many translation units share headers.
  const std::string &contentHash(llvm::StringRef Path);

  std::string Directory;
  std::string Tool;
  llvm::StringMap<std::string> Hashes;
  /// Before any analysis of the run started.
  std::chrono::system_clock::time_point Opened;
};

} // namespace async_tidy

#endif // ASYNC_TIDY_DRIVER_RESULTCACHE_H

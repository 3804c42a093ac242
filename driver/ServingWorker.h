//===--- ServingWorker.h - The parent's side of a serving worker ----------===//
//
// A worker process that analyzes file after file (WorkerServe.h has the
// protocol), started and read without blocking, so that the -j pool can
// watch several and the language server can give up on one. It dies with
// the file it was analyzing: that file is the failed one, reported as a
// one-file worker's was (WorkerExit.h). A worker that dies between
// files, or says it is over its memory limit, is replaced by the caller.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_DRIVER_SERVINGWORKER_H
#define ASYNC_TIDY_DRIVER_SERVINGWORKER_H

#include "AnalysisOutcome.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/Program.h"
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace async_tidy {

class ServingWorker {
public:
  /// Starts \p Executable with \p Args (argv[0] first, no file), the serve
  /// flag, "--worker-output=<a temporary file>" and, if not 0,
  /// "--worker-memory-limit=<MemoryLimitMiB>".
  static llvm::Expected<std::unique_ptr<ServingWorker>>
  start(llvm::StringRef Executable, std::vector<std::string> Args,
        unsigned MemoryLimitMiB);

  /// Stops the process and removes its files.
  ~ServingWorker();

  /// What an analysis keeps for the next one of the same file.
  enum class Reuse : uint8_t {
    Nothing,
    Preamble,     ///< The preamble of its #include block.
    Declarations, ///< Also the findings of the declarations an edit misses.
  };

  /// Asks for \p File's analysis (with \p ContentsPath's text, if not
  /// empty). False: the worker is gone.
  bool send(llvm::StringRef File, llvm::StringRef ContentsPath = "",
            Reuse Keep = Reuse::Nothing);

  enum class State : uint8_t {
    Busy, ///< The last request is not answered yet.
    Done, ///< Answered: outcome() has the result.
    /// The process ended before it took the request: a worker that has
    /// analyzed files before is replaced and asked again; a new one could
    /// not start, and outcome() says why.
    DiedIdle,
    /// The process ended during the analysis: outcome() says how.
    Died,
  };
  /// Reads what the worker said, waiting up to \p Wait for it.
  State poll(std::chrono::milliseconds Wait);

  /// Once Done, DiedIdle or Died: the result, or why there is none.
  AnalysisOutcome outcome();

  /// Whether it has worked on the current request longer than
  /// \p TimeoutSeconds (0: no limit).
  bool pastTimeLimit(unsigned TimeoutSeconds) const;
  /// Stops the process, which ran past \p TimeoutSeconds, and says so.
  AnalysisOutcome stopPastTimeLimit(unsigned TimeoutSeconds);

  /// The answer to the current request is no longer wanted; the next
  /// request waits for it and ignores it.
  void abandon();

  /// Whether it has analyzed a file before the current one.
  bool hasServed() const { return Served > 0; }
  /// Whether the worker said it ends after its last answer.
  bool exiting() const { return Exiting; }
  /// Whether the last answer came from a reused preamble.
  bool reusedPreamble() const { return Reused; }
  /// Declarations parsed and declarations in all, when the last answer
  /// parsed only those an edit reaches.
  std::optional<std::pair<unsigned, unsigned>> partialParse() const {
    return Partial;
  }
  /// Whether it keeps a usable preamble in memory.
  bool holdsPreamble() const { return HoldsPreamble; }

private:
  ServingWorker() = default;
  void handle(llvm::StringRef Line);
  /// Waits for the ended process; returns its exit status.
  int reap();

  llvm::sys::ProcessInfo Process;
  std::optional<llvm::sys::ProcessInfo> Status;
  std::string StatusMessage;
  int Socket = -1;
  std::string ResultPath, OutputPath;
  std::string Incoming;
  /// Where the current request's output starts in the output file.
  uint64_t OutputStart = 0;
  std::chrono::steady_clock::time_point SentAt;
  unsigned Ahead = 0; ///< Abandoned requests still to be answered.
  unsigned Served = 0;
  bool Started = false, Answered = false;
  int AnswerStatus = 0;
  bool Exiting = false, Reused = false, HoldsPreamble = false;
  std::optional<std::pair<unsigned, unsigned>> Partial;
};

} // namespace async_tidy

#endif // ASYNC_TIDY_DRIVER_SERVINGWORKER_H

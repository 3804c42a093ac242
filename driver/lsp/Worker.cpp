//===--- Worker.cpp -------------------------------------------------------===//

#include "Worker.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FileUtilities.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace async_tidy::lsp {

/// The server's analyses are few and large; one that leaves this much in
/// use (MiB) besides its preamble is a leak, and its worker is replaced.
static constexpr unsigned MemoryLimitMiB = 4096;

bool DocumentWorker::send(StringRef File, StringRef BufferPath) {
  for (int Attempt = 0; Attempt < 2; ++Attempt) {
    if (!Worker || Worker->exiting() || Attempt) {
      std::vector<std::string> Args{Settings.Executable};
      if (!Settings.CompileCommandsDir.empty())
        Args.insert(Args.end(), {"-p", Settings.CompileCommandsDir});
      if (!Settings.Checks.empty())
        Args.push_back("--checks=" + Settings.Checks);
      if (!Settings.ConfigFile.empty())
        Args.push_back("--config-file=" + Settings.ConfigFile);
      Args.insert(Args.end(), Settings.ExtraArgs.begin(),
                  Settings.ExtraArgs.end());
      Worker.reset();
      auto Started = ServingWorker::start(Settings.Executable, std::move(Args),
                                          MemoryLimitMiB);
      if (!Started) {
        consumeError(Started.takeError());
        return false;
      }
      Worker = std::move(*Started);
    }
    if (Worker->send(File, BufferPath,
                     Settings.PartialReparse
                         ? ServingWorker::Reuse::Declarations
                         : ServingWorker::Reuse::Preamble))
      return true;
  }
  return false;
}

std::optional<AnalysisOutcome>
DocumentWorker::analyze(StringRef File, StringRef Contents,
                        const std::atomic<bool> &Cancel) {
  SmallString<128> BufferPath;
  StringRef Extension = sys::path::extension(File).drop_front();
  int BufferFD;
  if (std::error_code EC = sys::fs::createTemporaryFile(
          "async-tidy-buffer", Extension.empty() ? "cpp" : Extension, BufferFD,
          BufferPath))
    return AnalysisOutcome::failure("cannot create a temporary file: " +
                                    EC.message());
  FileRemover RemoveBuffer(BufferPath);
  {
    raw_fd_ostream Buffer(BufferFD, /*shouldClose=*/true);
    Buffer << Contents;
    Buffer.close();
    if (std::error_code EC = Buffer.error()) {
      Buffer.clear_error(); // Reported here, not as a fatal error later.
      return AnalysisOutcome::failure("cannot write a temporary file: " +
                                      EC.message());
    }
  }

  bool Retried = false;
  if (!send(File, BufferPath))
    return AnalysisOutcome::failure("cannot start the analysis");
  for (;;) {
    // Waiting in slices lets a cancellation stop it at once.
    ServingWorker::State State = Worker->poll(std::chrono::milliseconds(10));
    if (State == ServingWorker::State::DiedIdle && Worker->hasServed() &&
        !Retried) {
      // It ended between analyses (its preamble build crashed, say).
      Retried = true;
      Worker.reset();
      if (!send(File, BufferPath))
        return AnalysisOutcome::failure("cannot start the analysis");
      continue;
    }
    if (State == ServingWorker::State::Busy) {
      if (Worker->pastTimeLimit(Settings.TimeoutSeconds)) {
        AnalysisOutcome Outcome =
            Worker->stopPastTimeLimit(Settings.TimeoutSeconds);
        Worker.reset();
        return Outcome;
      }
      if (!Cancel)
        continue;
      if (Worker->holdsPreamble())
        Worker->abandon();
      else
        Worker.reset();
      return std::nullopt;
    }
    AnalysisOutcome Outcome = Worker->outcome();
    if (State != ServingWorker::State::Done)
      Worker.reset();
    return Outcome;
  }
}

} // namespace async_tidy::lsp

//===--- WorkerPool.cpp ---------------------------------------------------===//

#include "WorkerPool.h"
#include "ServingWorker.h"
#include <optional>
#include <thread>

using namespace llvm;

namespace async_tidy {

namespace {

/// A worker and the file it analyzes, if any.
struct Slot {
  std::unique_ptr<ServingWorker> Worker;
  std::optional<size_t> File;
  std::chrono::steady_clock::time_point Since; // when File was sent
};

} // namespace

void WorkerPool::run(const std::vector<std::string> &Files,
                     function_ref<void(size_t, AnalysisOutcome)> OnDone,
                     function_ref<void(ArrayRef<size_t>)> OnRunning) {
  std::vector<Slot> Slots(std::min<size_t>(std::max(Jobs, 1u), Files.size()));
  // Gives \p Index to \p S's worker, or to a new one when it has ended
  // between files (or is about to). False: no worker could be started.
  auto Assign = [&](Slot &S, size_t Index) {
    for (int Attempt = 0; Attempt < 2; ++Attempt) {
      if (!S.Worker || S.Worker->exiting() || Attempt) {
        S.Worker.reset();
        auto Started = ServingWorker::start(Executable, Args, Limits.MemoryMiB);
        if (!Started) {
          OnDone(Index,
                 AnalysisOutcome::failure(toString(Started.takeError())));
          return false;
        }
        S.Worker = std::move(*Started);
      }
      if (S.Worker->send(Files[Index])) {
        S.File = Index;
        S.Since = std::chrono::steady_clock::now();
        return true;
      }
    }
    // A new worker that cannot take a request has ended: its outcome says
    // why (a usage error, for one).
    OnDone(Index, S.Worker->poll(std::chrono::milliseconds(0)) ==
                          ServingWorker::State::Busy
                      ? AnalysisOutcome::failure("the analysis did not start")
                      : S.Worker->outcome());
    S.Worker.reset();
    return false;
  };

  size_t Next = 0, Running = 0;
  auto LastShown = std::chrono::steady_clock::now();
  bool Started = true;
  while (Next < Files.size() || Running) {
    for (Slot &S : Slots)
      while (!S.File && Next < Files.size()) {
        Started = true;
        if (Assign(S, Next++))
          ++Running;
      }
    bool Changed = false;
    for (Slot &S : Slots) {
      if (!S.File)
        continue;
      ServingWorker &Worker = *S.Worker;
      ServingWorker::State State = Worker.poll(std::chrono::milliseconds(0));
      if (State == ServingWorker::State::DiedIdle && Worker.hasServed()) {
        // It ended between files, before taking this one: ask a new one.
        S.Worker.reset();
        size_t Index = *S.File;
        S.File.reset();
        --Running;
        if (Assign(S, Index))
          ++Running;
        continue;
      }
      if (State == ServingWorker::State::Busy &&
          !Worker.pastTimeLimit(Limits.TimeoutSeconds))
        continue;
      AnalysisOutcome Outcome =
          State == ServingWorker::State::Busy
              ? Worker.stopPastTimeLimit(Limits.TimeoutSeconds)
              : Worker.outcome();
      if (State != ServingWorker::State::Done)
        S.Worker.reset(); // Crashed or stopped: the next file gets a new one.
      Outcome.CostMs = AnalysisOutcome::millisecondsSince(S.Since);
      size_t Index = *S.File;
      S.File.reset();
      --Running;
      Changed = true;
      OnDone(Index, std::move(Outcome));
    }
    auto Now = std::chrono::steady_clock::now();
    if (OnRunning && Running &&
        (Started || Changed || Now - LastShown >= std::chrono::seconds(1))) {
      std::vector<size_t> Indexes;
      for (const Slot &S : Slots)
        if (S.File)
          Indexes.push_back(*S.File);
      OnRunning(Indexes);
      LastShown = Now;
    }
    Started = false;
    // A finished analysis waits for this poll before the next file is sent:
    // at 10 ms that idled a core for 5 ms per file on average (3% of a
    // project of small TUs); polling costs microseconds.
    if (!Changed && Running)
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
}

} // namespace async_tidy

//===--- WorkerPool.cpp ---------------------------------------------------===//

#include "WorkerPool.h"
#include "WorkerProcess.h"
#include <list>
#include <thread>

using namespace llvm;

namespace async_tidy {

void WorkerPool::run(const std::vector<std::string> &Files,
                     function_ref<void(size_t, AnalysisOutcome)> OnDone,
                     function_ref<void(ArrayRef<size_t>)> OnRunning) {
  auto Split = llvm::find(Args, "--");
  std::list<std::pair<size_t, std::unique_ptr<WorkerProcess>>> Running;
  size_t Next = 0;
  auto LastShown = std::chrono::steady_clock::now();
  bool Started = true;
  while (Next < Files.size() || !Running.empty()) {
    for (; Running.size() < std::max(Jobs, 1u) && Next < Files.size(); ++Next) {
      std::vector<std::string> Command(Args.begin(), Split);
      Command.push_back(Files[Next]);
      Command.insert(Command.end(), Split, Args.end());
      auto Worker = WorkerProcess::start(Executable, std::move(Command));
      if (Worker) {
        Running.emplace_back(Next, std::move(*Worker));
        Started = true;
      } else {
        OnDone(Next, AnalysisOutcome::failure(toString(Worker.takeError())));
      }
    }
    bool Changed = false;
    for (auto It = Running.begin(); It != Running.end();) {
      WorkerProcess &Worker = *It->second;
      bool Finished = Worker.finished();
      if (!Finished && !Worker.pastTimeLimit(TimeoutSeconds)) {
        ++It;
        continue;
      }
      OnDone(It->first, Finished ? Worker.outcome()
                                 : Worker.stopPastTimeLimit(TimeoutSeconds));
      It = Running.erase(It);
      Changed = true;
    }
    auto Now = std::chrono::steady_clock::now();
    if (OnRunning && !Running.empty() &&
        (Started || Changed || Now - LastShown >= std::chrono::seconds(1))) {
      std::vector<size_t> Indexes;
      for (const auto &Entry : Running)
        Indexes.push_back(Entry.first);
      OnRunning(Indexes);
      LastShown = Now;
    }
    Started = false;
    // A finished worker waits for this poll before the next file starts:
    // at 10 ms that idled a core for 5 ms per file on average (3% of a
    // project of small TUs); polling costs microseconds.
    if (!Changed && !Running.empty())
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
}

} // namespace async_tidy

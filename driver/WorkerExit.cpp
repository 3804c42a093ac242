//===--- WorkerExit.cpp ---------------------------------------------------===//

#include "WorkerExit.h"
#include "llvm/ADT/StringExtras.h"

using namespace llvm;

namespace async_tidy {

/// Worker mode's exit status for a usage or configuration error.
static constexpr int UsageError = 2;

/// The last lines of what the worker printed: its error message.
static std::string lastLines(StringRef Output) {
  SmallVector<StringRef> Lines;
  Output.trim().split(Lines, '\n');
  return join(
      ArrayRef<StringRef>(Lines).take_back(std::min<size_t>(Lines.size(), 5)),
      "\n");
}

AnalysisOutcome outcomeOfWorker(int Code, StringRef StatusMessage,
                                std::string Output, StringRef ResultPath) {
  AnalysisOutcome Result;
  Result.Output = std::move(Output);
  if (Code == -2) {
    Result.Failure = ("the analysis crashed (" + StatusMessage + ")").str();
  } else if (Code == -1) {
    Result.Failure = ("cannot run the analysis: " + StatusMessage).str();
  } else if (Code == UsageError) {
    Result.Failure = lastLines(Result.Output);
  } else if (Code != 0) {
    Result.Failure = "the analysis exited with status " + std::to_string(Code) +
                     ": " + lastLines(Result.Output);
  } else if (Expected<WorkerResult> Read = readWorkerResult(ResultPath)) {
    Result.Result = std::move(*Read);
  } else {
    Result.Failure =
        "the analysis wrote no readable result: " + toString(Read.takeError());
  }
  return Result;
}

} // namespace async_tidy

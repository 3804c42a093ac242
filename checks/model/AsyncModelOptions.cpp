//===--- AsyncModelOptions.cpp - The options every async check shares -----===//

#include "AsyncModel.h"

namespace clang::tidy::async::model {

AsyncModelOptions::AsyncModelOptions(ClangTidyCheck::OptionsView &Options)
    : AsyncFunctions(Options.getLocalOrGlobal("AsyncFunctions", "")),
      SchedulingFunctions(Options.getLocalOrGlobal("SchedulingFunctions", "")),
      TaskTypes(Options.getLocalOrGlobal("TaskTypes", "")),
      LockTypes(Options.getLocalOrGlobal("LockTypes", "")),
      ReferenceLikeTypes(Options.getLocalOrGlobal("ReferenceLikeTypes", "")),
      CompletionCallbacks(Options.getLocalOrGlobal("CompletionCallbacks", "")),
      TimerTypes(Options.getLocalOrGlobal("TimerTypes", "")),
      MaxCallDepth(Options.getLocalOrGlobal("MaxCallDepth", 3U)),
      Infer{Options.getLocalOrGlobal("InferFutures", true),
            Options.getLocalOrGlobal("InferPromises", true),
            Options.getLocalOrGlobal("InferExecutors", true),
            Options.getLocalOrGlobal("InferLocks", true),
            Options.getLocalOrGlobal("InferTimers", true)},
      SummaryIndex(Options.getLocalOrGlobal("SummaryIndex", "")) {}

std::string AsyncModelOptions::key() const {
  // An option value holds no NUL, so the fields cannot run into each other.
  std::string Key;
  for (const std::string *Value :
       {&AsyncFunctions, &SchedulingFunctions, &TaskTypes, &LockTypes,
        &ReferenceLikeTypes, &CompletionCallbacks, &TimerTypes}) {
    Key += *Value;
    Key += '\0';
  }
  for (bool Family : {Infer.Futures, Infer.Promises, Infer.Executors,
                      Infer.Locks, Infer.Timers})
    Key += Family ? '1' : '0';
  return Key + std::to_string(MaxCallDepth);
}

llvm::ArrayRef<std::pair<llvm::StringRef, llvm::StringRef>>
AsyncModelOptions::defaults() {
  static const std::pair<llvm::StringRef, llvm::StringRef> Defaults[] = {
      {"AsyncFunctions", ""},     {"SchedulingFunctions", ""},
      {"TaskTypes", ""},          {"LockTypes", ""},
      {"ReferenceLikeTypes", ""}, {"CompletionCallbacks", ""},
      {"TimerTypes", ""},         {"MaxCallDepth", "3"},
      {"InferFutures", "true"},   {"InferPromises", "true"},
      {"InferExecutors", "true"}, {"InferLocks", "true"},
      {"InferTimers", "true"},    {"SummaryIndex", ""}}; // as read above
  return Defaults;
}

} // namespace clang::tidy::async::model

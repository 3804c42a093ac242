//===--- LongRunningOnPoolCheck.cpp - async-long-running-on-pool ----------===//

#include "LongRunningOnPoolCheck.h"
#include "checks/model/ApiNames.h"
#include "checks/model/ContextDescription.h"
#include "checks/model/LongWork.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::async {

LongRunningOnPoolCheck::LongRunningOnPoolCheck(StringRef Name,
                                               ClangTidyContext *Context)
    : AsyncContextCheck(Name, Context),
      CpuHeavyFunctions(*this, "CpuHeavyFunctions") {}

void LongRunningOnPoolCheck::registerMatchers(MatchFinder *Finder) {
  // Calls are filtered by one table lookup in check(); loops are judged
  // only once they are known to run as async work.
  Finder->addMatcher(
      callExpr(unless(isExpansionInSystemHeader()), callee(functionDecl()))
          .bind("call"),
      this);
  Finder->addMatcher(stmt(anyOf(whileStmt(), doStmt(), forStmt()),
                          unless(isExpansionInSystemHeader()))
                         .bind("loop"),
                     this);
}

void LongRunningOnPoolCheck::check(const MatchFinder::MatchResult &Result) {
  Ctx = Result.Context;
  if (const auto *Loop = Result.Nodes.getNodeAs<Stmt>("loop")) {
    addCandidate(Loop, *Result.Context);
    return;
  }
  const auto *Call = Result.Nodes.getNodeAs<CallExpr>("call");
  if (!isAllowed(*Call) &&
      (model::cpuHeavyWork(*Call) || CpuHeavyFunctions.matchesCall(*Call)))
    addCandidate(Call, *Result.Context);
}

void LongRunningOnPoolCheck::checkInAsyncContext(
    const Stmt &Candidate, const model::CandidateSite &Site,
    const model::AsyncPath &Path, const model::AsyncContextIndex &) {
  if (const auto *Call = dyn_cast<CallExpr>(&Candidate))
    checkCall(*Call, Site, Path);
  else
    checkLoop(Candidate, Site, Path);
}

void LongRunningOnPoolCheck::checkCall(const CallExpr &Call,
                                       const model::CandidateSite &Site,
                                       const model::AsyncPath &Path) {
  std::optional<model::CpuWork> Work = model::cpuHeavyWork(Call);
  diag(Call.getExprLoc(),
       "CPU-heavy call '%0' (%1) inside %2 keeps its thread, and every "
       "handler queued behind it, for the whole computation; run it on a "
       "dedicated thread or a pool kept for CPU-heavy work")
      << model::callName(Call)
      << (Work ? model::describe(*Work) : "listed in CpuHeavyFunctions")
      << model::describeContext(Path, *Site.Callable);
  diagContextNotes(Path);
}

void LongRunningOnPoolCheck::checkLoop(const Stmt &Loop,
                                       const model::CandidateSite &Site,
                                       const model::AsyncPath &Path) {
  std::optional<model::UnendingLoop> Unending =
      model::unendingLoop(Loop, model(), *Ctx);
  if (!Unending)
    return;
  std::string Why;
  if (Unending->Kind == model::UnendingLoop::NoCondition)
    Why = "it has no condition and no way out";
  else if (Unending->Spins)
    Why = "it spins until another thread changes '" +
          Unending->Flag->getNameAsString() + "'";
  else
    Why = "nothing in it changes '" + Unending->Flag->getNameAsString() +
          "', which its condition reads";
  diag(Loop.getBeginLoc(),
       "loop inside %0 never suspends and never ends by itself (%1): it keeps "
       "its thread, and every handler queued behind it; co_await inside it "
       "(a timer, a yield to the executor or an awaitable event) or run it on "
       "a dedicated thread")
      << model::describeContext(Path, *Site.Callable) << Why;
  diagContextNotes(Path);
}

} // namespace clang::tidy::async

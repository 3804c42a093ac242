//===--- SyncOverAsyncCheck.h - async-sync-over-async ---------------------===//

#ifndef ASYNC_TIDY_CHECKS_SYNCOVERASYNCCHECK_H
#define ASYNC_TIDY_CHECKS_SYNCOVERASYNCCHECK_H

#include "common/AsyncContextCheck.h"

namespace clang::tidy::async {

/// Finds blocking waits on asynchronous results (future::get, task::wait,
/// sync_wait, io_context::run) in code that runs as async work: coroutines,
/// handlers given to executors, completion handlers, continuations and the
/// functions they call.
///
/// For the user-facing documentation see docs/checks/async-sync-over-async.md
class SyncOverAsyncCheck : public AsyncContextCheck {
public:
  SyncOverAsyncCheck(StringRef Name, ClangTidyContext *Context);
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  void checkInAsyncContext(const Stmt &Candidate,
                           const model::CandidateSite &Site,
                           const model::AsyncPath &Path,
                           const model::AsyncContextIndex &Index) override;
  CrossFileWords crossFileWords() const override;
  std::optional<std::string>
  summaryEffect(const Stmt &Candidate,
                const model::CandidateSite &Site) override;
  /// The table entry or a user-listed wait; null for anything else.
  const model::BlockingWaitApi *waitFor(const CallExpr &Call) const;
  bool isPoll(const CallExpr &Call, const model::BlockingWaitApi &Api) const;
  bool isGuardedByReadyCheck(const CallExpr &Call,
                             const model::CandidateSite &Site) const;
};

} // namespace clang::tidy::async

#endif // ASYNC_TIDY_CHECKS_SYNCOVERASYNCCHECK_H

//===--- BlockingCallCheck.h - async-blocking-call ------------------------===//

#ifndef ASYNC_TIDY_CHECKS_BLOCKINGCALLCHECK_H
#define ASYNC_TIDY_CHECKS_BLOCKINGCALLCHECK_H

#include "checks/model/NonBlockingIo.h"
#include "common/AsyncContextCheck.h"
#include "llvm/ADT/DenseSet.h"

namespace clang::tidy::async {

/// Finds operations that block the thread in code that runs as async work
/// (sleeps, synchronous I/O, condition variables, joins, calls that have an
/// asynchronous sibling) and RAII locks held across co_await or co_yield.
///
/// For the user-facing documentation see docs/checks/async-blocking-call.md
class BlockingCallCheck : public AsyncContextCheck {
public:
  BlockingCallCheck(StringRef Name, ClangTidyContext *Context);
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onStartOfTranslationUnit() override;

private:
  void checkInAsyncContext(const Stmt &Candidate,
                           const model::CandidateSite &Site,
                           const model::AsyncPath &Path,
                           const model::AsyncContextIndex &Index) override;
  CrossFileWords crossFileWords() const override;
  std::optional<std::string>
  summaryEffect(const Stmt &Candidate,
                const model::CandidateSite &Site) override;
  /// Blocking is what offloaded work is for.
  bool offloadMayBlock() const override { return true; }
  void checkLocksAcrossSuspensions(const FunctionDecl &Coroutine);
  /// What to say instead of the call, or nothing when it is not reported.
  std::optional<std::string> alternativeFor(const CallExpr &Call) const;

  llvm::DenseSet<const Stmt *> SeenCoroutineBodies;
  model::NonBlockingIo NonBlocking;
};

} // namespace clang::tidy::async

#endif // ASYNC_TIDY_CHECKS_BLOCKINGCALLCHECK_H

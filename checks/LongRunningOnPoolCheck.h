//===--- LongRunningOnPoolCheck.h - async-long-running-on-pool ------------===//

#ifndef ASYNC_TIDY_CHECKS_LONGRUNNINGONPOOLCHECK_H
#define ASYNC_TIDY_CHECKS_LONGRUNNINGONPOOLCHECK_H

#include "common/AsyncContextCheck.h"
#include "common/RegexOption.h"

namespace clang::tidy::async {

/// Loops that never suspend or end and CPU-heavy calls (password hashing, key
/// derivation, whole-buffer compression, large sorts) in coroutines, handlers
/// and work on shared pools.
///
/// For the user-facing documentation see
/// docs/checks/async-long-running-on-pool.md
class LongRunningOnPoolCheck : public AsyncContextCheck {
public:
  LongRunningOnPoolCheck(StringRef Name, ClangTidyContext *Context);
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  void checkInAsyncContext(const Stmt &Candidate,
                           const model::CandidateSite &Site,
                           const model::AsyncPath &Path,
                           const model::AsyncContextIndex &Index) override;
  /// Long work belongs on a thread or pool meant for it.
  bool offloadMayBlock() const override { return true; }
  void checkCall(const CallExpr &Call, const model::CandidateSite &Site,
                 const model::AsyncPath &Path);
  void checkLoop(const Stmt &Loop, const model::CandidateSite &Site,
                 const model::AsyncPath &Path);

  RegexOption CpuHeavyFunctions;
  ASTContext *Ctx = nullptr;
};

} // namespace clang::tidy::async

#endif // ASYNC_TIDY_CHECKS_LONGRUNNINGONPOOLCHECK_H

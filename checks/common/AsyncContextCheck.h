//===--- AsyncContextCheck.h - Base for checks about async context --------===//
//
// Most async checks find a call (a blocking wait, a sleep, a lock) or a
// statement (a loop) and then ask whether it runs as async work. This base
// collects what a check matched during the AST walk and, at the end of the
// translation unit, builds one AsyncContextIndex for them and hands back each
// one that stands in async context, with the path that explains why.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_CHECKS_COMMON_ASYNCCONTEXTCHECK_H
#define ASYNC_TIDY_CHECKS_COMMON_ASYNCCONTEXTCHECK_H

#include "AsyncModelCheck.h"
#include "RegexOption.h"
#include "checks/model/AsyncContext.h"

namespace clang::tidy::async {

class AsyncContextCheck : public AsyncModelCheck {
public:
  void onStartOfTranslationUnit() override;
  void onEndOfTranslationUnit() override;

protected:
  AsyncContextCheck(StringRef Name, ClangTidyContext *Context);

  /// Remember a matched call or statement; it is judged at the end of the
  /// TU.
  void addCandidate(const Stmt *Candidate, ASTContext &Ctx);

  /// Called once per candidate that stands in async context.
  virtual void checkInAsyncContext(const Stmt &Candidate,
                                   const model::CandidateSite &Site,
                                   const model::AsyncPath &Path,
                                   const model::AsyncContextIndex &Index) = 0;

  /// Whether work offloaded to executors meant for blocking work may do
  /// what this check reports (model/Offload.h): true for blocking calls,
  /// false for waits, which can starve the pool they run on.
  virtual bool offloadMayBlock() const { return false; }

  /// The notes that explain \p Path, attached to the last diagnostic.
  void diagContextNotes(const model::AsyncPath &Path);

  /// The check's BlockingFunctions / AllowedFunctions options: regular
  /// expressions over the names of a call (model::callKeys).
  bool isListedBlocking(const CallExpr &Call) const;
  bool isAllowed(const CallExpr &Call) const;
  bool hasListedBlocking() const { return !BlockingFunctions.empty(); }

private:
  RegexOption BlockingFunctions;
  RegexOption AllowedFunctions;
  ASTContext *Ctx = nullptr;
  std::vector<const Stmt *> Candidates;
};

} // namespace clang::tidy::async

#endif // ASYNC_TIDY_CHECKS_COMMON_ASYNCCONTEXTCHECK_H

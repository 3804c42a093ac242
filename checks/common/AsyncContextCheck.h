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
#include "CrossFileCalls.h"
#include "RegexOption.h"
#include "checks/model/AsyncContext.h"
#include "checks/model/ProjectIndex.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include <memory>

namespace clang::tidy::async {

class AsyncContextCheck : public AsyncModelCheck {
public:
  ~AsyncContextCheck() override;
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

  /// How the check names what it reports when a function of another file
  /// does it ("blocking wait"), what to do about the call instead, and what
  /// the last function does ("blocks on"). A check that leaves Noun empty
  /// does not follow calls across files.
  struct CrossFileWords {
    llvm::StringRef Noun, Advice, LastVerb = "blocks on";
  };
  virtual CrossFileWords crossFileWords() const { return {}; }

  /// What \p Candidate is reported as in any async context (the name of
  /// what it calls), for the summary that other files read; nothing when
  /// the verdict depends on which context it stands in.
  virtual std::optional<std::string>
  summaryEffect(const Stmt & /*Candidate*/,
                const model::CandidateSite & /*Site*/) {
    return std::nullopt;
  }

  /// For a check that follows calls across files: matches the calls to
  /// functions defined elsewhere that the project index knows, and the
  /// translation unit when a summary is being recorded. Called from the
  /// check's registerMatchers.
  void registerCrossFileMatchers(ast_matchers::MatchFinder *Finder);

  /// The check's BlockingFunctions / AllowedFunctions options: regular
  /// expressions over the names of a call (model::callKeys).
  bool isListedBlocking(const CallExpr &Call) const;
  bool isAllowed(const CallExpr &Call) const;
  bool hasListedBlocking() const { return !BlockingFunctions.empty(); }

private:
  class CrossFileMatches;
  void matchCrossFile(const ast_matchers::MatchFinder::MatchResult &Result);
  void reportCrossFile(const CallExpr &Call, const model::CandidateSite &Site,
                       const model::AsyncPath &Path,
                       const model::CrossFileEffect &Effect);
  void recordSummary(const model::AsyncContextIndex &Index);

  RegexOption BlockingFunctions;
  RegexOption AllowedFunctions;
  ASTContext *Ctx = nullptr;
  std::vector<const Stmt *> Candidates;
  std::unique_ptr<CrossFileMatches> CrossFileCallback;
  /// Calls to functions of other files, and what calling them leads to.
  llvm::DenseMap<const Stmt *, model::CrossFileEffect> CrossFile;
  CrossFileCallees Callees;
};

} // namespace clang::tidy::async

#endif // ASYNC_TIDY_CHECKS_COMMON_ASYNCCONTEXTCHECK_H

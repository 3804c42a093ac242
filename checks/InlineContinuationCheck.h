//===--- InlineContinuationCheck.h - async-inline-continuation ------------===//

#ifndef ASYNC_TIDY_CHECKS_INLINECONTINUATIONCHECK_H
#define ASYNC_TIDY_CHECKS_INLINECONTINUATIONCHECK_H

#include "checks/model/AsyncContext.h"
#include "common/AsyncModelCheck.h"
#include "common/CrossFileCalls.h"
#include "common/RegexOption.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"

namespace clang::tidy::async {

/// Finds completions that run the waiter's continuation inline on the
/// completer's thread: coroutine_handle::resume() under a lock, in a
/// completion handler or a callback of another subsystem, or on a handle an
/// awaitable stored; promise/event completion under a lock.
///
/// For the user-facing documentation see
/// docs/checks/async-inline-continuation.md
class InlineContinuationCheck : public AsyncModelCheck {
public:
  InlineContinuationCheck(StringRef Name, ClangTidyContext *Context);
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onStartOfTranslationUnit() override;
  void onEndOfTranslationUnit() override;
  /// Whether a callback of \p Registration runs on another thread than
  /// the one that registers it: not for a signal of an object that lives
  /// on this thread.
  bool runsOnForeignThread(const Expr &Registration) const;

private:
  void checkUnderLock(const FunctionDecl &Function);
  void recordCallbacks(const Expr &Registration, const FunctionDecl &Callee,
                       llvm::ArrayRef<const Expr *> Args);
  void recordStoredHandles(const Stmt &AwaitSuspendBody);
  void recordAwaits(const Stmt &CoroutineBody);
  bool alwaysReposted(const CXXRecordDecl *Awaiter) const;
  void checkResume(const CallExpr &Resume, const FunctionDecl &Callable,
                   const model::AsyncContextIndex &Index);
  void reportUnderLock(const CallExpr &Call, const VarDecl &Lock);
  std::string registrarName(const Expr &Registration);
  bool mayHoldWaiters(const CXXRecordDecl &Class);
  void findPrimitiveResumers(const model::AsyncContextIndex &Index);
  void checkPrimitiveCalls(const model::AsyncContextIndex &Index);
  /// Reports \p Call, which resumes waiters inline itself or, with
  /// \p Effect, through functions of other files.
  void reportPrimitiveCall(const CallExpr &Call, const FunctionDecl &Callable,
                           const model::AsyncContextIndex &Index,
                           const model::CrossFileEffect *Effect = nullptr);
  void recordSummary(const model::AsyncContextIndex &Index);

  RegexOption ResumeExecutors;

  ASTContext *Ctx = nullptr;
  std::vector<const Stmt *> Resumes;
  /// Lambdas handed to another subsystem, and the call that registered them.
  llvm::DenseMap<const FunctionDecl *, const Expr *> ForeignCallbacks;
  /// Lambdas given to a ResumeExecutors call: posting the resumption.
  llvm::DenseSet<const FunctionDecl *> PostedByOption;
  // Objects moved to another thread (moveToThread): their signals come
  // from there.
  llvm::DenseSet<const ValueDecl *> MovedObjects;
  /// coroutine_handle members that some await_suspend stores into.
  llvm::DenseSet<const FieldDecl *> StoredHandles;
  /// Calls of a library primitive's member that resumes its waiters inline.
  std::vector<const Stmt *> TableCompleterCalls;
  /// Calls of members of classes that may hold waiters: followed only when
  /// the TU resumes a stored handle.
  std::vector<const Stmt *> MemberCalls;
  llvm::DenseMap<const CXXRecordDecl *, bool> WaiterClasses;
  /// Members of a primitive that resume its waiters, directly or through
  /// another such member (set() -> resume_waiters()).
  llvm::DenseSet<const FunctionDecl *> PrimitiveResumers;
  /// Per awaiter class: how many co_awaits of it the TU has, and how many
  /// of them the awaiting coroutine follows at once with a switch to an
  /// executor ('co_await resume_on(ex)'), which re-posts it.
  llvm::DenseMap<const CXXRecordDecl *, std::pair<unsigned, unsigned>>
      AwaitCounts;
  CrossFileCallees Callees;
  /// Calls to functions of other files that resume waiters inline, and the
  /// way they do.
  std::vector<std::pair<const CallExpr *, model::CrossFileEffect>>
      CrossFileCalls;
  /// While a summary is recorded: calls to functions without a body here,
  /// which other files may make resume waiters inline.
  std::vector<const Stmt *> ExternalCalls;
};

} // namespace clang::tidy::async

#endif // ASYNC_TIDY_CHECKS_INLINECONTINUATIONCHECK_H

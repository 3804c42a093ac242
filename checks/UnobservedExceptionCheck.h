//===--- UnobservedExceptionCheck.h - async-unobserved-exception ----------===//

#ifndef ASYNC_TIDY_CHECKS_UNOBSERVEDEXCEPTIONCHECK_H
#define ASYNC_TIDY_CHECKS_UNOBSERVEDEXCEPTIONCHECK_H

#include "checks/model/Exceptions.h"
#include "common/FunctionBodyCheck.h"
#include "common/RegexOption.h"

namespace clang::tidy::async {

/// Work detached so that the exceptions it can throw reach nobody: a
/// coroutine co_spawn'ed with a token that drops its exception_ptr
/// (asio::detached), a stackful spawn with no completion token, and a
/// coroutine lambda given to a slot that drops the task it returns
/// (std::function<void()>, a thread, post). Tasks the user's own code
/// drops are async-discarded-task's.
///
/// For the user-facing documentation see
/// docs/checks/async-unobserved-exception.md
class UnobservedExceptionCheck : public FunctionBodyCheck {
public:
  UnobservedExceptionCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;

private:
  void checkBody(const FunctionDecl &Function, const Stmt &Body,
                 bool IsCoroutine, ASTContext &Ctx) override;
  void checkSpawn(const CallExpr &Call, unsigned TokenIndex);
  void checkStackfulSpawn(const CallExpr &Call);
  /// A coroutine lambda argument \p Arg whose task the slot \p Slot drops.
  void checkCoroutineLambda(const Expr &Arg, llvm::StringRef Slot);
  bool dropsErrors(const Expr &Token) const;
  /// Where \p Work can let an exception out, or null; \p Unknown is set
  /// when its body is not visible and UnknownBodiesThrow counts it.
  const Stmt *escapeOf(const model::DetachedWork &Work, bool &Unknown) const;
  void noteEscape(const Stmt *Escaping, const model::DetachedWork &Work);
  /// The completion handler a fix-it writes instead of \p Token, or "".
  std::string rethrowingHandler(const Expr &Token, const Expr &Spawned) const;

  RegexOption ErrorDroppingTokens;
  const bool UnknownBodiesThrow;
  ASTContext *Ctx = nullptr;
};

} // namespace clang::tidy::async

#endif // ASYNC_TIDY_CHECKS_UNOBSERVEDEXCEPTIONCHECK_H

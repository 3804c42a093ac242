//===--- DiscardedTaskCheck.h - async-discarded-task ----------------------===//

#ifndef ASYNC_TIDY_CHECKS_DISCARDEDTASKCHECK_H
#define ASYNC_TIDY_CHECKS_DISCARDEDTASKCHECK_H

#include "common/FunctionBodyCheck.h"
#include "common/RegexOption.h"

namespace clang::tidy::async {

/// Finds tasks, awaitables and futures whose results are dropped: a call
/// used as a statement (or cast to void), and a local that is never used.
/// A dropped lazy task never runs, a dropped std::async future blocks in its
/// destructor, any other drop loses the result and its errors.
///
/// For the user-facing documentation see docs/checks/async-discarded-task.md
class DiscardedTaskCheck : public FunctionBodyCheck {
public:
  DiscardedTaskCheck(StringRef Name, ClangTidyContext *Context);

private:
  void checkBody(const FunctionDecl &Function, const Stmt &Body,
                 bool IsCoroutine, ASTContext &Ctx) override;
  void walk(const Stmt &S, bool InCoroutine);
  void checkDiscardedValue(const Expr &E, bool InCoroutine);
  void checkUnusedLocal(const VarDecl &Var);
  QualType taskIn(QualType T) const;
  bool isAllowed(const CallExpr &Call,
                 const model::AsyncModel::TaskTraits &Traits) const;
  /// What is lost by dropping a task of these traits made by \p Call.
  StringRef consequence(const CallExpr &Call,
                        const model::AsyncModel::TaskTraits &Traits) const;

  RegexOption AllowedDiscards;
  const ASTContext *Ctx = nullptr;
};

} // namespace clang::tidy::async

#endif // ASYNC_TIDY_CHECKS_DISCARDEDTASKCHECK_H

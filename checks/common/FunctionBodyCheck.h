//===--- FunctionBodyCheck.h - Base for checks that walk function bodies --===//
//
// Some checks need the shape of a whole body (which expressions stand as
// statements, which locals die where, what happens after a call). They
// match each function definition outside system headers once and walk its
// body top-down, which needs no parent map.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_CHECKS_COMMON_FUNCTIONBODYCHECK_H
#define ASYNC_TIDY_CHECKS_COMMON_FUNCTIONBODYCHECK_H

#include "AsyncModelCheck.h"

namespace clang::tidy::async {

class FunctionBodyCheck : public AsyncModelCheck {
public:
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;

protected:
  using AsyncModelCheck::AsyncModelCheck;

  /// \p Body is the user's body: for a coroutine, the statement inside the
  /// compiler's CoroutineBodyStmt.
  virtual void checkBody(const FunctionDecl &Function, const Stmt &Body,
                         bool IsCoroutine, ASTContext &Ctx) = 0;
};

} // namespace clang::tidy::async

#endif // ASYNC_TIDY_CHECKS_COMMON_FUNCTIONBODYCHECK_H

//===--- FunctionBodyCheck.cpp --------------------------------------------===//

#include "FunctionBodyCheck.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::async {

void FunctionBodyCheck::registerMatchers(MatchFinder *Finder) {
  Finder->addMatcher(
      functionDecl(isDefinition(), unless(isExpansionInSystemHeader()))
          .bind("function"),
      this);
}

void FunctionBodyCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Function = Result.Nodes.getNodeAs<FunctionDecl>("function");
  const Stmt *Body = Function->getBody();
  if (!Body)
    return;
  bool IsCoroutine = false;
  if (const auto *Coroutine = dyn_cast<CoroutineBodyStmt>(Body)) {
    Body = Coroutine->getBody();
    IsCoroutine = true;
  }
  checkBody(*Function, *Body, IsCoroutine, *Result.Context);
}

} // namespace clang::tidy::async

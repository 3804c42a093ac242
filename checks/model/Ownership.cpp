//===--- Ownership.cpp ----------------------------------------------------===//

#include "Ownership.h"

namespace clang::tidy::async::model {

const CXXMethodDecl *thisOwner(const FunctionDecl &Function) {
  const DeclContext *DC = &Function;
  while (DC) {
    const auto *Method = dyn_cast<CXXMethodDecl>(DC);
    if (!Method)
      return nullptr;
    if (!Method->getParent()->isLambda())
      return Method;
    DC = Method->getParent()->getDeclContext();
  }
  return nullptr;
}

static bool containsDeleteThis(const Stmt &S) {
  if (const auto *Delete = dyn_cast<CXXDeleteExpr>(&S))
    if (isa<CXXThisExpr>(Delete->getArgument()->IgnoreParenImpCasts()))
      return true;
  for (const Stmt *Child : S.children())
    if (Child && containsDeleteThis(*Child))
      return true;
  return false;
}

bool deletesItself(const CXXRecordDecl &Class) {
  for (const CXXMethodDecl *Method : Class.methods())
    if (const FunctionDecl *Definition = Method->getDefinition())
      if (Definition->getBody() && containsDeleteThis(*Definition->getBody()))
        return true;
  return false;
}

const CXXConstructExpr *functionObjectConstruction(const Expr *E) {
  while (E) {
    E = E->IgnoreImplicit()->IgnoreParens();
    if (const auto *Cast = dyn_cast<CXXFunctionalCastExpr>(E)) {
      E = Cast->getSubExpr();
      continue;
    }
    if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
      const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
      if (!Var || !Var->isLocalVarDecl() || !Var->getInit())
        return nullptr;
      E = Var->getInit();
      continue;
    }
    const auto *Construct = dyn_cast<CXXConstructExpr>(E);
    if (!Construct)
      return nullptr;
    if (!Construct->getConstructor()->isCopyOrMoveConstructor())
      return Construct;
    E = Construct->getArg(0);
  }
  return nullptr;
}

} // namespace clang::tidy::async::model

//===--- AstHelpers.cpp ---------------------------------------------------===//

#include "AstHelpers.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"

namespace clang::tidy::async::model {

const Expr *callObject(const CallExpr &Call) {
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(&Call))
    return MC->getImplicitObjectArgument();
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(&Call))
    if (isa_and_nonnull<CXXMethodDecl>(OC->getDirectCallee()) &&
        OC->getNumArgs() > 0)
      return OC->getArg(0);
  return nullptr;
}

const Expr *callSubject(const CallExpr &Call) {
  if (const Expr *Object = callObject(Call))
    return Object;
  return Call.getNumArgs() > 0 ? Call.getArg(0) : nullptr;
}

const LambdaExpr *lambdaArgument(const Expr *E) {
  while (E) {
    E = E->IgnoreImplicit()->IgnoreParens();
    if (const auto *Lambda = dyn_cast<LambdaExpr>(E))
      return Lambda;
    const auto *Construct = dyn_cast<CXXConstructExpr>(E);
    if (!Construct || Construct->getNumArgs() != 1)
      return nullptr;
    E = Construct->getArg(0);
  }
  return nullptr;
}

const ValueDecl *referencedDecl(const Expr *E) {
  while (E) {
    E = E->IgnoreParenImpCasts();
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
      return DRE->getDecl();
    if (const auto *ME = dyn_cast<MemberExpr>(E))
      return ME->getMemberDecl();
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
      E = MC->getImplicitObjectArgument();
      continue;
    }
    // 'p->f()' and '*p' through a smart pointer name 'p'.
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E);
        Op && Op->getNumArgs() == 1 &&
        (Op->getOperator() == OO_Arrow || Op->getOperator() == OO_Star)) {
      E = Op->getArg(0);
      continue;
    }
    if (const auto *Call = dyn_cast<CallExpr>(E)) {
      // std::move(x) and friends: look at the argument.
      if (Call->getNumArgs() == 1 && Call->getDirectCallee() &&
          Call->getDirectCallee()->isInStdNamespace()) {
        E = Call->getArg(0);
        continue;
      }
      return nullptr;
    }
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(E)) {
      if (Construct->getNumArgs() != 1)
        return nullptr;
      E = Construct->getArg(0);
      continue;
    }
    if (const auto *Temp = dyn_cast<MaterializeTemporaryExpr>(E)) {
      E = Temp->getSubExpr();
      continue;
    }
    // A temporary with a destructor ('promise.future()' of a QFuture).
    if (const auto *Bind = dyn_cast<CXXBindTemporaryExpr>(E)) {
      E = Bind->getSubExpr();
      continue;
    }
    return nullptr;
  }
  return nullptr;
}

/// Looks through temporaries, conversions and copies to the expression that
/// was written.
const Expr *writtenExpr(const Expr *E) {
  while (E) {
    E = E->IgnoreImplicit()->IgnoreParens();
    if (const auto *Cast = dyn_cast<CXXFunctionalCastExpr>(E)) {
      E = Cast->getSubExpr();
      continue;
    }
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(E);
        Construct && Construct->getNumArgs() == 1 &&
        !isa<CXXTemporaryObjectExpr>(Construct)) {
      E = Construct->getArg(0);
      continue;
    }
    return E;
  }
  return nullptr;
}

const CXXRecordDecl *classWithMembers(const CXXRecordDecl *RD) {
  if (!RD)
    return nullptr;
  if (RD->hasDefinition())
    return RD->getDefinition();
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD))
    if (const CXXRecordDecl *Pattern =
            Spec->getSpecializedTemplate()->getTemplatedDecl())
      return Pattern->getDefinition();
  if (const CXXRecordDecl *Member = RD->getInstantiatedFromMemberClass())
    return Member->getDefinition();
  return nullptr;
}

bool hasMember(const CXXRecordDecl &RD, llvm::StringRef Name) {
  IdentifierInfo &II = RD.getASTContext().Idents.get(Name);
  return !RD.lookup(DeclarationName(&II)).empty();
}

bool hasAwaiterShape(const CXXRecordDecl &RD) {
  if (hasMember(RD, "await_ready") && hasMember(RD, "await_suspend") &&
      hasMember(RD, "await_resume"))
    return true;
  return !RD.lookup(RD.getASTContext().DeclarationNames.getCXXOperatorName(
                        OO_Coawait))
              .empty();
}

bool isCallableType(QualType T) {
  T = T.getNonReferenceType();
  if (T->isFunctionPointerType() || T->isMemberFunctionPointerType() ||
      T->isFunctionType())
    return true;
  const CXXRecordDecl *Class = T->getAsCXXRecordDecl();
  if (Class)
    Class = Class->getDefinition();
  if (!Class)
    return false;
  if (Class->isLambda())
    return true;
  DeclarationName Call =
      Class->getASTContext().DeclarationNames.getCXXOperatorName(OO_Call);
  return !Class->lookup(Call).empty();
}

} // namespace clang::tidy::async::model

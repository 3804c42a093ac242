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

const Expr *argumentFor(const CallExpr &Call, const ParmVarDecl &Param) {
  unsigned Index = Param.getFunctionScopeIndex();
  if (isa<CXXOperatorCallExpr>(Call) &&
      isa_and_nonnull<CXXMethodDecl>(Call.getDirectCallee()))
    ++Index;
  if (Index >= Call.getNumArgs() || isa<CXXDefaultArgExpr>(Call.getArg(Index)))
    return nullptr;
  return Call.getArg(Index);
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

const CXXMethodDecl *instantiatedCallOperator(const LambdaExpr &Lambda) {
  const FunctionTemplateDecl *Generic = Lambda.getDependentCallOperator();
  if (!Generic)
    return Lambda.getCallOperator();
  const FunctionDecl *Only = nullptr;
  for (const FunctionDecl *Instance : Generic->specializations()) {
    if (Only)
      return nullptr;
    Only = Instance;
  }
  return dyn_cast_or_null<CXXMethodDecl>(Only);
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

/// The class template \p RD is, or is a specialization of; null for a
/// plain class.
static const ClassTemplateDecl *templateOf(const CXXRecordDecl &RD) {
  if (const ClassTemplateDecl *Described = RD.getDescribedClassTemplate())
    return Described->getCanonicalDecl();
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(&RD))
    return Spec->getSpecializedTemplate()->getCanonicalDecl();
  return nullptr;
}

/// Whether \p Param ('future<T> &&') names \p RD or its template.
static bool namesClass(QualType Param, const CXXRecordDecl &RD) {
  Param = Param.getNonReferenceType();
  if (const auto *Spec = Param->getAs<TemplateSpecializationType>()) {
    const auto *Template = dyn_cast_or_null<ClassTemplateDecl>(
        Spec->getTemplateName().getAsTemplateDecl());
    return Template && Template->getCanonicalDecl() == templateOf(RD);
  }
  const CXXRecordDecl *Named = Param->getAsCXXRecordDecl();
  return Named && Named->getCanonicalDecl() == RD.getCanonicalDecl();
}

/// A non-member 'operator co_await' beside the class, found by
/// argument-dependent lookup (Seastar's 'operator co_await(future<T> &&)').
static bool hasFreeCoAwait(const CXXRecordDecl &RD, DeclarationName CoAwait) {
  const DeclContext *Namespace =
      RD.getDeclContext()->getEnclosingNamespaceContext();
  for (const NamedDecl *D : Namespace->lookup(CoAwait)) {
    const FunctionDecl *Operator = D->getAsFunction();
    if (Operator && Operator->getNumParams() >= 1 &&
        namesClass(Operator->getParamDecl(0)->getType(), RD))
      return true;
  }
  return false;
}

bool hasAwaiterShape(const CXXRecordDecl &RD) {
  if (hasMember(RD, "await_ready") && hasMember(RD, "await_suspend") &&
      hasMember(RD, "await_resume"))
    return true;
  return !RD.lookup(RD.getASTContext().DeclarationNames.getCXXOperatorName(
                        OO_Coawait))
              .empty();
}

bool isMoveOnly(QualType T) {
  const CXXRecordDecl *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  RD = RD ? RD->getDefinition() : nullptr;
  if (!RD)
    return false;
  for (const CXXConstructorDecl *Ctor : RD->ctors())
    if (Ctor->isCopyConstructor())
      return Ctor->isDeleted();
  return RD->needsImplicitCopyConstructor() &&
         RD->defaultedCopyConstructorIsDeleted();
}

bool isAwaitableClass(const CXXRecordDecl &RD) {
  return hasAwaiterShape(RD) ||
         hasFreeCoAwait(RD,
                        RD.getASTContext().DeclarationNames.getCXXOperatorName(
                            OO_Coawait));
}

/// The class a nested 'promise_type' names: a member class, or an alias
/// of one ('using promise_type = detail::promise<T>;', in a template
/// the template's pattern). Null when there is none or it is not visible.
static const CXXRecordDecl *promiseClass(const NamedDecl &Member) {
  QualType Promise;
  if (const auto *Alias = dyn_cast<TypedefNameDecl>(&Member))
    Promise = Alias->getUnderlyingType();
  else if (const auto *Type = dyn_cast<TypeDecl>(&Member);
           Type && Type->getTypeForDecl())
    Promise = QualType(Type->getTypeForDecl(), 0);
  if (Promise.isNull())
    return nullptr;
  if (const CXXRecordDecl *Declared = Promise->getAsCXXRecordDecl())
    return classWithMembers(Declared);
  if (const auto *Spec = Promise->getAs<TemplateSpecializationType>())
    if (const auto *Template = dyn_cast_or_null<ClassTemplateDecl>(
            Spec->getTemplateName().getAsTemplateDecl()))
      return classWithMembers(Template->getTemplatedDecl());
  return nullptr;
}

const CXXRecordDecl *nestedPromise(const CXXRecordDecl &Task) {
  IdentifierInfo &Name = Task.getASTContext().Idents.get("promise_type");
  for (const NamedDecl *D : Task.lookup(DeclarationName(&Name)))
    if (const CXXRecordDecl *Promise = promiseClass(*D))
      return Promise;
  return nullptr;
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

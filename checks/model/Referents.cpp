//===--- Referents.cpp ----------------------------------------------------===//

#include "Referents.h"
#include "clang/AST/ExprCXX.h"

namespace clang::tidy::async::model {

/// Only conversions and parentheses: IgnoreParenImpCasts would also skip a
/// temporary.
static const Expr *ignoreConversions(const Expr *E) {
  while (true) {
    E = E->IgnoreParens();
    const auto *Cast = dyn_cast<ImplicitCastExpr>(E);
    if (!Cast)
      return E;
    E = Cast->getSubExpr();
  }
}

static bool isTemporary(const Expr *E) {
  E = ignoreConversions(E);
  return isa<MaterializeTemporaryExpr>(E) &&
         !isa<StringLiteral>(E->IgnoreImplicit());
}

std::optional<BoundReferent> boundReferent(const Expr &Arg, QualType Param,
                                           const AsyncModel &Model) {
  const Expr *E = ignoreConversions(&Arg);
  if (Param->isReferenceType()) {
    if (isTemporary(E))
      return BoundReferent{E, true};
    return E->isGLValue() ? std::optional(BoundReferent{E, false})
                          : std::nullopt;
  }
  if (Param->isPointerType()) {
    if (const auto *Unary = dyn_cast<UnaryOperator>(E);
        Unary && Unary->getOpcode() == UO_AddrOf)
      return BoundReferent{Unary->getSubExpr(), false};
    const auto *Decay = dyn_cast<ImplicitCastExpr>(Arg.IgnoreParens());
    if (Decay && Decay->getCastKind() == CK_ArrayToPointerDecay)
      return BoundReferent{Decay->getSubExpr(),
                           isTemporary(Decay->getSubExpr())};
    return std::nullopt;
  }
  // A view made from an owner (string -> string_view, vector -> span)
  // refers into the owner; a copy of another view is not followed.
  const Expr *Owner = nullptr;
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E->IgnoreImplicit());
      Construct && Construct->getNumArgs() >= 1 &&
      !Model.isReferenceLike(Construct->getArg(0)->getType()))
    Owner = Construct->getArg(0);
  else if (const auto *Conversion =
               dyn_cast<CXXMemberCallExpr>(E->IgnoreImplicit());
           Conversion &&
           isa_and_nonnull<CXXConversionDecl>(Conversion->getMethodDecl()))
    Owner = Conversion->getImplicitObjectArgument();
  if (!Owner)
    return std::nullopt;
  return BoundReferent{Owner, isTemporary(Owner)};
}

const VarDecl *localOwner(const Expr *E) {
  while (E) {
    E = E->IgnoreParenImpCasts();
    if (const auto *Member = dyn_cast<MemberExpr>(E)) {
      if (Member->isArrow())
        return nullptr;
      E = Member->getBase();
      continue;
    }
    if (const auto *Element = dyn_cast<ArraySubscriptExpr>(E)) {
      const Expr *Base = Element->getBase()->IgnoreParenImpCasts();
      if (!Base->getType()->isArrayType())
        return nullptr;
      E = Base;
      continue;
    }
    // An element of a local container ('results[i]') lives in it.
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E);
        Op && Op->getOperator() == OO_Subscript && Op->getNumArgs() == 2) {
      E = Op->getArg(0);
      continue;
    }
    if (const auto *Call = dyn_cast<CallExpr>(E)) {
      // std::move(x), std::as_const(x): the same object.
      const FunctionDecl *Callee = Call->getDirectCallee();
      if (!Callee || !Callee->isInStdNamespace() || Call->getNumArgs() != 1 ||
          !Callee->getReturnType()->isReferenceType())
        return nullptr;
      E = Call->getArg(0);
      continue;
    }
    // A lambda's captures belong to the closure or the enclosing function,
    // which the lambda's own return does not end.
    const auto *Ref = dyn_cast<DeclRefExpr>(E);
    const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
    if (!Var || !Var->hasLocalStorage() || Var->getType()->isReferenceType() ||
        Ref->refersToEnclosingVariableOrCapture())
      return nullptr;
    return Var;
  }
  return nullptr;
}

} // namespace clang::tidy::async::model

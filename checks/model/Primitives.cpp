//===--- Primitives.cpp ---------------------------------------------------===//

#include "Primitives.h"
#include "AstHelpers.h"
#include "clang/AST/DeclTemplate.h"

namespace clang::tidy::async::model {

static const CXXRecordDecl *recordOf(QualType T) {
  T = T.getNonReferenceType();
  while (T->isPointerType())
    T = T->getPointeeType();
  return T->getAsCXXRecordDecl();
}

/// Calls \p Visit for the class \p T names, through references, pointers
/// and the type arguments of a template (std::atomic<W *>, std::list<W>).
static bool anyClassIn(QualType T,
                       llvm::function_ref<bool(const CXXRecordDecl &)> Visit,
                       unsigned Depth = 0) {
  const CXXRecordDecl *Class = recordOf(T);
  if (!Class)
    return false;
  if (Visit(*Class))
    return true;
  const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(Class);
  if (!Spec || Depth >= 2)
    return false;
  for (const TemplateArgument &Arg : Spec->getTemplateArgs().asArray())
    if (Arg.getKind() == TemplateArgument::Type &&
        anyClassIn(Arg.getAsType(), Visit, Depth + 1))
      return true;
  return false;
}

static bool sameOrDerived(const CXXRecordDecl &Class,
                          const CXXRecordDecl &Base) {
  if (Class.getCanonicalDecl() == Base.getCanonicalDecl())
    return true;
  const CXXRecordDecl *Def = Class.getDefinition();
  return Def && Def->isDerivedFrom(&Base);
}

bool awaiterBelongsTo(const CXXRecordDecl &Awaiter,
                      const CXXRecordDecl &Owner) {
  if (sameOrDerived(Owner, Awaiter))
    return true;
  for (const DeclContext *DC = Awaiter.getDeclContext();
       const auto *Outer = dyn_cast_or_null<CXXRecordDecl>(DC);
       DC = Outer->getDeclContext())
    if (Outer->getCanonicalDecl() == Owner.getCanonicalDecl())
      return true;
  auto Is = [](const CXXRecordDecl &Target) {
    return
        [&Target](const CXXRecordDecl &C) { return sameOrDerived(C, Target); };
  };
  if (const CXXRecordDecl *Def = Awaiter.getDefinition())
    for (const FieldDecl *Field : Def->fields())
      if (anyClassIn(Field->getType(), Is(Owner)))
        return true;
  if (const CXXRecordDecl *Def = Owner.getDefinition())
    for (const FieldDecl *Field : Def->fields())
      if (anyClassIn(Field->getType(), Is(Awaiter)))
        return true;
  return false;
}

static bool hasHandleMember(const CXXRecordDecl &Class, const AsyncModel &Model,
                            unsigned Depth = 0) {
  const CXXRecordDecl *Def = Class.getDefinition();
  if (!Def || Depth > 4)
    return false;
  for (const FieldDecl *Field : Def->fields())
    if (Model.isCoroutineHandle(Field->getType()))
      return true;
  for (const CXXBaseSpecifier &Base : Def->bases())
    if (const CXXRecordDecl *B = Base.getType()->getAsCXXRecordDecl())
      if (hasHandleMember(*B, Model, Depth + 1))
        return true;
  return false;
}

bool mayHoldWaiters(const CXXRecordDecl &Class, const AsyncModel &Model) {
  const CXXRecordDecl *Def = Class.getDefinition();
  if (!Def)
    return false;
  auto Holds = [&Model](const CXXRecordDecl &C) {
    return hasHandleMember(C, Model);
  };
  if (Holds(*Def))
    return true;
  for (const Decl *D : Def->decls())
    if (const auto *Nested = dyn_cast<CXXRecordDecl>(D))
      if (Holds(*Nested))
        return true;
  for (const FieldDecl *Field : Def->fields())
    if (anyClassIn(Field->getType(), Holds))
      return true;
  for (const CXXMethodDecl *Method : Def->methods())
    if (anyClassIn(Method->getReturnType(), Holds))
      return true;
  return false;
}

bool resumesWaitersInline(const CallExpr &Call, const AsyncModel &Model) {
  if (!Model.isPrimitiveCompleter(Call))
    return false;
  // The libraries' executor overloads (event::set(executor&)) are
  // templates over the executor type.
  if (Call.getDirectCallee()->getPrimaryTemplate())
    return false;
  for (const Expr *Arg : Call.arguments())
    if (Model.isExecutorType(Arg->getType()))
      return false;
  return true;
}

bool isDedicatedResumeThread(const CallExpr &Resume,
                             const FunctionDecl &Callable) {
  const auto *Method = dyn_cast<CXXMethodDecl>(&Callable);
  if (!Method || !Method->getParent()->isLambda())
    return false;
  const auto *Outer =
      dyn_cast<FunctionDecl>(Method->getParent()->getDeclContext());
  if (!Outer || !Outer->getIdentifier() || Outer->getName() != "await_suspend")
    return false;
  // The handle resumed is await_suspend's own parameter, captured by copy.
  const auto *Var =
      dyn_cast_or_null<VarDecl>(referencedDecl(callObject(Resume)));
  if (Var && Var->isInitCapture())
    Var = dyn_cast_or_null<VarDecl>(referencedDecl(Var->getInit()));
  const auto *Param = dyn_cast_or_null<ParmVarDecl>(Var);
  const auto *ParamOf =
      Param ? dyn_cast<FunctionDecl>(Param->getDeclContext()) : nullptr;
  if (!ParamOf || ParamOf->getCanonicalDecl() != Outer->getCanonicalDecl())
    return false;
  // Nothing else runs on that thread once the coroutine is resumed.
  const auto *Body = dyn_cast_or_null<CompoundStmt>(Callable.getBody());
  if (!Body || Body->body_empty())
    return false;
  const auto *Last = dyn_cast<Expr>(Body->body_back());
  return Last && Last->IgnoreImplicit() == &Resume;
}

} // namespace clang::tidy::async::model

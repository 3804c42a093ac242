//===--- DiscardedTaskCheck.cpp - async-discarded-task --------------------===//

#include "DiscardedTaskCheck.h"
#include "checks/model/ApiNames.h"
#include "checks/model/Continuations.h"
#include "checks/model/StmtWalk.h"
#include "clang/AST/Attr.h"
#include "clang/AST/ExprCXX.h"

namespace clang::tidy::async {

DiscardedTaskCheck::DiscardedTaskCheck(StringRef Name,
                                       ClangTidyContext *Context)
    : FunctionBodyCheck(Name, Context),
      AllowedDiscards(*this, "AllowedDiscards") {}

void DiscardedTaskCheck::checkBody(const FunctionDecl &, const Stmt &Body,
                                   bool IsCoroutine, ASTContext &Context) {
  Ctx = &Context;
  walk(Body, IsCoroutine);
}

/// Whether \p Child of \p Parent is evaluated only for its side effects.
static bool isStatementPosition(const Stmt &Parent, const Stmt *Child) {
  if (isa<CompoundStmt>(Parent))
    return true;
  if (const auto *If = dyn_cast<IfStmt>(&Parent))
    return Child == If->getThen() || Child == If->getElse();
  if (const auto *For = dyn_cast<ForStmt>(&Parent))
    return Child == For->getBody() || Child == For->getInc();
  if (const auto *While = dyn_cast<WhileStmt>(&Parent))
    return Child == While->getBody();
  if (const auto *Do = dyn_cast<DoStmt>(&Parent))
    return Child == Do->getBody();
  if (const auto *Range = dyn_cast<CXXForRangeStmt>(&Parent))
    return Child == Range->getBody();
  if (const auto *Case = dyn_cast<SwitchCase>(&Parent))
    return Child == Case->getSubStmt();
  if (const auto *Label = dyn_cast<LabelStmt>(&Parent))
    return Child == Label->getSubStmt();
  return false;
}

void DiscardedTaskCheck::walk(const Stmt &Body, bool InCoroutine) {
  walkStatements(Body, [&](const Stmt &S, const Stmt *Parent) {
    if (!Parent)
      return WalkAction::Descend;
    // A lambda is a function of its own, matched on its own.
    if (isa<LambdaExpr>(S))
      return WalkAction::Skip;
    if (const auto *E = dyn_cast<Expr>(&S);
        E && isStatementPosition(*Parent, &S))
      checkDiscardedValue(*E, InCoroutine);
    if (const auto *Decls = dyn_cast<DeclStmt>(&S))
      for (const Decl *D : Decls->decls())
        if (const auto *Var = dyn_cast<VarDecl>(D))
          checkUnusedLocal(*Var);
    return WalkAction::Descend;
  });
}

bool DiscardedTaskCheck::isAllowed(
    const CallExpr &Call, const model::AsyncModel::TaskTraits &Traits) const {
  // A continuation that handles its errors runs without its task object;
  // a self-owning task runs to its end, so only an error can be lost.
  return model().isSelfObservedResult(Call) ||
         model::forwardsSelfObservedResult(Call, model()) ||
         model::handlesItsErrors(Call, model()) ||
         (Traits.SelfOwning &&
          !model::mayEndInError(Call, model(), model().maxCallDepth())) ||
         AllowedDiscards.matchesCall(Call);
}

StringRef DiscardedTaskCheck::consequence(
    const CallExpr &Call, const model::AsyncModel::TaskTraits &Traits) const {
  if (model().isJoiningLaunch(Call))
    return "its destructor blocks until the work finishes";
  if (Traits.Lazy)
    return "the work never starts unless it is awaited";
  if (Traits.SelfOwning)
    return "the work runs on, but an error it ends with is never observed";
  return "its completion and errors are never observed";
}

/// The task a value of type \p T holds: itself, or the task in a
/// value-or-error wrapper (arrow::Result<Future<T>>).
QualType DiscardedTaskCheck::taskIn(QualType T) const {
  QualType Wrapped = model().wrappedTask(T);
  return Wrapped.isNull() ? T : Wrapped;
}

/// The call whose task a statement or initializer produces, looking through
/// temporaries, parentheses and (when \p VoidCast is given) a cast to void.
static const CallExpr *producingCall(const Expr &E, bool *VoidCast) {
  const Expr *Inner = &E;
  while (true) {
    Inner = Inner->IgnoreImplicit()->IgnoreParens();
    const auto *Cast = dyn_cast<ExplicitCastExpr>(Inner);
    if (!VoidCast || !Cast || !Cast->getType()->isVoidType())
      break;
    *VoidCast = true;
    Inner = Cast->getSubExpr();
  }
  const auto *Call = dyn_cast<CallExpr>(Inner);
  return Call && Call->isPRValue() ? Call : nullptr;
}

void DiscardedTaskCheck::checkDiscardedValue(const Expr &E, bool InCoroutine) {
  bool VoidCast = false;
  const CallExpr *Call = producingCall(E, &VoidCast);
  if (!Call || Call->getBeginLoc().isInvalid())
    return;
  QualType Task = taskIn(Call->getType());
  std::optional<model::AsyncModel::TaskTraits> Traits =
      model().taskTraits(Task);
  if (!Traits || isAllowed(*Call, *Traits) || !reportOnce(Call->getBeginLoc()))
    return;

  std::string Producer =
      Call->getDirectCallee() ? model::callName(*Call) : std::string("call");
  bool Joining = model().isJoiningLaunch(*Call);
  bool FixIt = InCoroutine && Traits->Awaitable && !Joining &&
               Task == Call->getType() && !Call->getBeginLoc().isMacroID();
  StringRef Instead =
      FixIt     ? "use 'co_await'"
      : Joining ? "keep the future and wait where the result is needed"
                : "await it, keep it, or hand it to something that runs it";
  {
    auto Diag =
        diag(Call->getBeginLoc(), "'%0' returned by '%1' is discarded; %2; %3")
        << model::canonicalTypeName(Call->getType(), *Ctx) << Producer
        << consequence(*Call, *Traits) << Instead;
    if (FixIt)
      Diag << FixItHint::CreateInsertion(Call->getBeginLoc(), "co_await ");
  }
  noteInferred(model().inferredTask(Task));
}

void DiscardedTaskCheck::checkUnusedLocal(const VarDecl &Var) {
  if (!Var.hasLocalStorage() || isa<ParmVarDecl>(Var) || Var.isReferenced() ||
      Var.hasAttr<UnusedAttr>() || !Var.getInit() || !Var.getIdentifier())
    return;
  const CallExpr *Call = producingCall(*Var.getInit(), nullptr);
  if (!Call)
    return;
  QualType Task = taskIn(Var.getType());
  std::optional<model::AsyncModel::TaskTraits> Traits =
      model().taskTraits(Task);
  if (!Traits || isAllowed(*Call, *Traits) || !reportOnce(Var.getLocation()))
    return;
  diag(Var.getLocation(),
       "'%0' of type '%1' is never awaited, moved or passed on; %2")
      << Var.getName()
      << model::canonicalTypeName(Var.getType(), Var.getASTContext())
      << consequence(*Call, *Traits);
  noteInferred(model().inferredTask(Task));
}

} // namespace clang::tidy::async

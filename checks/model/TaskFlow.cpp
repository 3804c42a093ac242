//===--- TaskFlow.cpp -----------------------------------------------------===//

#include "TaskFlow.h"
#include "AstHelpers.h"
#include "Handoff.h"
#include "Referents.h"
#include "StmtWalk.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"

namespace clang::tidy::async::model {

/// Nodes a task passes through unchanged: conversions, moves into another
/// object, '(void)'.
static bool isTransparent(const Stmt &S) {
  return isa<ExprWithCleanups, CastExpr, MaterializeTemporaryExpr,
             CXXBindTemporaryExpr, ParenExpr, CXXConstructExpr, InitListExpr,
             AbstractConditionalOperator>(S);
}

/// A class template specialization with a task among its type arguments:
/// a container or holder of tasks.
static bool holdsTasks(QualType T, const AsyncModel &Model) {
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      T.getNonReferenceType()->getAsCXXRecordDecl());
  if (!Spec)
    return false;
  return llvm::any_of(Spec->getTemplateArgs().asArray(),
                      [&](const TemplateArgument &Arg) {
                        return Arg.getKind() == TemplateArgument::Type &&
                               Model.isTaskType(Arg.getAsType());
                      });
}

/// Where a task assigned or added to \p Target goes.
static TaskFlow kept(const Expr *Target, const Stmt *Keeper) {
  if (Target->getType()->isPointerType())
    return {TaskFate::Escaped, Keeper};
  if (const VarDecl *Local = localOwner(Target))
    return {TaskFate::Stored, Keeper, Local};
  return {TaskFate::Escaped, Keeper};
}

TaskFlow taskFlow(llvm::ArrayRef<const Stmt *> Ancestors,
                  const AsyncModel &Model) {
  const Stmt *Current = Ancestors.back();
  // The last call that continues the task or hands it off, if any.
  const Stmt *HandedBy = nullptr;
  for (size_t I = Ancestors.size() - 1; I-- > 0;) {
    const Stmt *Parent = Ancestors[I];
    if (isTransparent(*Parent)) {
      Current = Parent;
      continue;
    }
    if (isa<CoroutineSuspendExpr, DependentCoawaitExpr>(Parent))
      return {TaskFate::Finished, Parent};
    if (isa<MemberExpr>(Parent)) {
      // A member call on the task: a wait finishes it, a continuation
      // lets it run on.
      const auto *Call =
          I > 0 ? dyn_cast<CXXMemberCallExpr>(Ancestors[I - 1]) : nullptr;
      if (!Call || Call->getCallee()->IgnoreParens() != Parent)
        return {};
      --I;
      if (Model.blockingWait(*Call))
        return {TaskFate::Finished, Call};
      if (!Model.schedulingCall(*Call) && !handoff(*Call, Model))
        return {};
      HandedBy = Call;
      Current = Call;
      continue;
    }
    if (const auto *Call = dyn_cast<CallExpr>(Parent)) {
      if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call);
          Op && Op->getOperator() == OO_Equal && Op->getNumArgs() == 2 &&
          Op->getArg(1) == Current)
        return kept(Op->getArg(0), Op);
      if (Model.blockingWait(*Call))
        return {TaskFate::Finished, Call};
      if (handoff(*Call, Model)) {
        HandedBy = Call;
        Current = Call;
        continue;
      }
      // An argument of a member call on a container of tasks is stored
      // in it ('tasks.push_back(f(x))').
      const Expr *Object = callObject(*Call);
      if (Object && Object != Current &&
          holdsTasks(Object->getType()->isPointerType()
                         ? Object->getType()->getPointeeType()
                         : Object->getType(),
                     Model))
        return kept(Object, Call);
      // when_all(a, b) and other combinators make a task of the tasks they
      // get: follow it. Any other call is beyond the model.
      if (!Model.isTaskType(Call->getType()) &&
          !Model.isAwaitableType(Call->getType()))
        return {};
      Current = Call;
      continue;
    }
    if (isa<ReturnStmt, CoreturnStmt>(Parent))
      return {TaskFate::Returned, Parent};
    if (const auto *Decls = dyn_cast<DeclStmt>(Parent)) {
      for (const Decl *D : Decls->decls())
        if (const auto *Var = dyn_cast<VarDecl>(D);
            Var && Var->getInit() == Current)
          return Var->hasLocalStorage()
                     ? TaskFlow{TaskFate::Stored, Parent, Var}
                     : TaskFlow{TaskFate::Escaped, Parent};
      return {};
    }
    if (const auto *Assign = dyn_cast<BinaryOperator>(Parent);
        Assign && Assign->getOpcode() == BO_Assign &&
        Assign->getRHS() == Current)
      return kept(Assign->getLHS(), Assign);
    if (isa<CompoundStmt>(Parent))
      return HandedBy ? TaskFlow{TaskFate::HandedOff, HandedBy}
                      : TaskFlow{TaskFate::Dropped, Current};
    return {};
  }
  return {};
}

TaskFlow variableFlow(const VarDecl &Var, const Stmt &Body) {
  TaskFlow Flow{TaskFate::Stored, nullptr, &Var};
  auto Names = [&](const Expr *E) { return E && referencedDecl(E) == &Var; };
  walkStatements(Body, [&](const Stmt &S, const Stmt *) {
    if (isa<LambdaExpr>(S))
      return WalkAction::Skip;
    if (const auto *Return = dyn_cast<ReturnStmt>(&S);
        Return && Names(Return->getRetValue())) {
      Flow = {TaskFate::Returned, Return, &Var};
      return WalkAction::Stop;
    }
    if (const auto *Return = dyn_cast<CoreturnStmt>(&S);
        Return && Names(Return->getOperand())) {
      Flow = {TaskFate::Returned, Return, &Var};
      return WalkAction::Stop;
    }
    const Expr *Target = nullptr;
    if (const auto *Assign = dyn_cast<BinaryOperator>(&S);
        Assign && Assign->getOpcode() == BO_Assign && Names(Assign->getRHS()))
      Target = Assign->getLHS();
    else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(&S);
             Op && Op->getOperator() == OO_Equal && Op->getNumArgs() == 2 &&
             Names(Op->getArg(1)))
      Target = Op->getArg(0);
    if (Target && kept(Target, &S).Fate == TaskFate::Escaped) {
      Flow = {TaskFate::Escaped, &S, &Var};
      return WalkAction::Stop;
    }
    return WalkAction::Descend;
  });
  return Flow;
}

} // namespace clang::tidy::async::model

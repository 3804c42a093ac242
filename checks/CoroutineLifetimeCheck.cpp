//===--- CoroutineLifetimeCheck.cpp - async-coroutine-lifetime ------------===//

#include "CoroutineLifetimeCheck.h"
#include "checks/model/ApiNames.h"
#include "checks/model/AstHelpers.h"
#include "checks/model/Continuations.h"
#include "checks/model/Handoff.h"
#include "checks/model/Referents.h"
#include "checks/model/StmtWalk.h"
#include "checks/model/Suspensions.h"
#include "checks/model/TaskFlow.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/AST/TypeLoc.h"

namespace clang::tidy::async {

using model::TaskFate;
using model::TaskFlow;

CoroutineLifetimeCheck::CoroutineLifetimeCheck(StringRef Name,
                                               ClangTidyContext *Context)
    : FunctionBodyCheck(Name, Context), ClosureOwners(*this, "ClosureOwners") {}

/// The user's body of a coroutine, or null for a function that is none.
static const Stmt *coroutineBody(const FunctionDecl &F) {
  const auto *Body = dyn_cast_or_null<CoroutineBodyStmt>(F.getBody());
  return Body ? Body->getBody() : nullptr;
}

/// A lambda whose call operator takes its closure by value ('this auto
/// self'): the coroutine frame keeps its own copy.
static bool keepsOwnClosure(const CXXMethodDecl &CallOperator) {
  return CallOperator.isExplicitObjectMemberFunction() &&
         !CallOperator.getParamDecl(0)->getType()->isReferenceType();
}

static bool isCopyable(QualType T) {
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  if (!RD || !RD->hasDefinition())
    return true;
  RD = RD->getDefinition();
  if (RD->needsImplicitCopyConstructor())
    return !RD->defaultedCopyConstructorIsDeleted();
  return llvm::any_of(RD->ctors(), [](const CXXConstructorDecl *Ctor) {
    return Ctor->isCopyConstructor() && !Ctor->isDeleted();
  });
}

/// Where a task goes, in words: "is kept in 't'".
static std::string fateWords(const TaskFlow &Flow) {
  switch (Flow.Fate) {
  case TaskFate::Stored:
    // The only implicit variable that keeps a task: a range-for's range.
    if (Flow.Var->isImplicit())
      return "is iterated by the range-for loop";
    return ("is kept in '" + Flow.Var->getName() + "'").str();
  case TaskFate::Returned:
    return "is returned";
  case TaskFate::Escaped:
    return "is stored beyond this function";
  case TaskFate::HandedOff: {
    const auto *Call = dyn_cast_or_null<CallExpr>(Flow.Keeper);
    return Call ? "is handed to '" + model::callKeys(*Call).front() + "'"
                : std::string("is handed off");
  }
  case TaskFate::Dropped:
    return "runs on after it first suspends";
  default:
    return "";
  }
}

/// Whether a temporary in \p Arg has its life extended to that of \p Var
/// (C++23 extends a range-for's range-init temporaries to the loop's end).
static bool extendedBy(const Expr &Arg, const VarDecl &Var) {
  return !walkStatements(Arg, [&](const Stmt &S, const Stmt *) {
    const auto *Temporary = dyn_cast<MaterializeTemporaryExpr>(&S);
    return Temporary && Temporary->getExtendingDecl() == &Var
               ? WalkAction::Stop
               : WalkAction::Descend;
  });
}

/// Whether a task that goes where \p Flow says runs after the end of the
/// full-expression that made it. A dropped lazy task never runs.
static bool outlivesFullExpression(const TaskFlow &Flow, bool Lazy) {
  switch (Flow.Fate) {
  case TaskFate::Stored:
  case TaskFate::Returned:
  case TaskFate::Escaped:
  case TaskFate::HandedOff:
    return true;
  case TaskFate::Dropped:
    return !Lazy;
  default:
    return false;
  }
}

/// Everything the walk of one function body needs.
class CoroutineLifetimeCheck::FunctionScan {
public:
  FunctionScan(CoroutineLifetimeCheck &Check, const Stmt &Body, ASTContext &Ctx)
      : Check(Check), Model(Check.model()), Body(Body), Ctx(Ctx) {}

  void run() {
    auto Enter = [&](const Stmt &S, const Stmt *) {
      Parents.push_back(&S);
      if (const auto *Call = dyn_cast<CallExpr>(&S))
        checkCall(*Call);
      return WalkAction::Descend;
    };
    auto Leave = [&](const Stmt &) { Parents.pop_back(); };
    // A lambda's body is a function of its own, checked on its own; of a
    // suspension, only the operand was written (the rest is the compiler's
    // awaiter calls on it).
    auto Children = [](const Stmt &S,
                       llvm::SmallVectorImpl<const Stmt *> &Out) {
      if (const auto *Lambda = dyn_cast<LambdaExpr>(&S)) {
        for (const Expr *Init : Lambda->capture_inits())
          if (Init)
            Out.push_back(Init);
        return;
      }
      if (const auto *Suspend = dyn_cast<CoroutineSuspendExpr>(&S)) {
        if (const Expr *Operand = Suspend->getOperand())
          Out.push_back(Operand);
        return;
      }
      childrenOf(S, Out);
    };
    walkStatements(Body, Enter, Leave, Children);
  }

private:
  /// A capturing lambda coroutine, and the local variable that holds its
  /// closure (null for a temporary).
  struct Closure {
    const LambdaExpr *Lambda = nullptr;
    const VarDecl *Var = nullptr;
    const Stmt *Body = nullptr; // the coroutine's own body
  };

  void checkCall(const CallExpr &Call) {
    const FunctionDecl *Callee = Call.getDirectCallee();
    if (!Callee)
      return;
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(&Call);
        Op && Op->getOperator() == OO_Call && Op->getNumArgs() > 0)
      if (const auto *Method = dyn_cast<CXXMethodDecl>(Callee);
          Method && Method->getParent()->isLambda())
        checkClosureCall(*Op);
    checkParameters(Call, *Callee);
    std::optional<model::Handoff> Handoff = model::handoff(Call, Model);
    if (!Handoff && model::attachesContinuation(Call, Model))
      Handoff = model::Handoff{model::HandoffKind::Continuation, 0, false,
                               std::nullopt};
    if (Handoff && !ownsClosure(Call))
      for (const Expr *Arg : Handoff->work(Call))
        checkHandedClosure(*Arg, Call, *Handoff);
  }

  bool ownsClosure(const CallExpr &Call) const {
    return Model.isClosureOwner(Call) || Check.ClosureOwners.matchesCall(Call);
  }

  bool ownsClosure(const CXXConstructExpr &Construct) const {
    const CXXRecordDecl *Class = Construct.getType()->getAsCXXRecordDecl();
    return Model.isClosureOwner(Construct) ||
           (Class && Class->getIdentifier() &&
            Check.ClosureOwners.matches(model::apiName(*Class)));
  }

  /// The capturing lambda coroutine \p E passes by value, through
  /// conversions, copies and a local variable; none when it passes none or
  /// passes it to a closure owner.
  Closure closureOf(const Expr *E) const {
    Closure Result;
    while (E && !Result.Lambda) {
      E = E->IgnoreImplicit()->IgnoreParens();
      if (const auto *Cast = dyn_cast<CXXFunctionalCastExpr>(E)) {
        E = Cast->getSubExpr();
      } else if (const auto *Construct = dyn_cast<CXXConstructExpr>(E)) {
        if (ownsClosure(*Construct) || Construct->getNumArgs() != 1)
          return {};
        E = Construct->getArg(0);
      } else if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
        // A closure captured from the enclosing function is its to keep.
        const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
        if (Result.Var || !Var || !Var->hasLocalStorage() ||
            Var->getType()->isReferenceType() || !Var->getInit() ||
            Ref->refersToEnclosingVariableOrCapture())
          return {};
        Result.Var = Var;
        E = Var->getInit();
      } else if (const auto *Lambda = dyn_cast<LambdaExpr>(E)) {
        Result.Lambda = Lambda;
      } else {
        return {};
      }
    }
    if (!Result.Lambda || Result.Lambda->capture_size() == 0 ||
        keepsOwnClosure(*Result.Lambda->getCallOperator()))
      return {};
    Result.Body = coroutineBody(*Result.Lambda->getCallOperator());
    return Result.Body ? Result : Closure{};
  }

  bool isLazy(QualType Task) const {
    if (Task.isNull() || Task->isDependentType())
      return false;
    std::optional<model::AsyncModel::TaskTraits> Traits =
        Model.taskTraits(Task);
    return Traits && Traits->Lazy;
  }

  /// Whether a capture of \p C is used where the coroutine may have
  /// suspended; a lazy coroutine suspends before it starts.
  bool capturesUsedLate(const Closure &C, bool Lazy) const {
    if (Lazy)
      return true;
    return model::usedAfterSuspension(*C.Body, [](const Stmt &S) {
      if (isa<CXXThisExpr>(S))
        return true;
      const auto *Ref = dyn_cast<DeclRefExpr>(&S);
      const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
      return Var && (Ref->refersToEnclosingVariableOrCapture() ||
                     Var->isInitCapture());
    });
  }

  /// 'l()' or '[x]() -> task<> {...}()'.
  void checkClosureCall(const CXXOperatorCallExpr &Call) {
    Closure C = closureOf(Call.getArg(0));
    if (!C.Lambda)
      return;
    bool Lazy = isLazy(Call.getType());
    TaskFlow Flow = model::taskFlow(Parents, Model);
    if (C.Var) {
      // The closure lives as long as the function's other locals.
      if (Flow.Fate == TaskFate::Stored)
        Flow = model::variableFlow(*Flow.Var, Body);
      if (Flow.Fate != TaskFate::Returned && Flow.Fate != TaskFate::Escaped)
        return;
    } else if (!outlivesFullExpression(Flow, Lazy)) {
      return;
    }
    if (!capturesUsedLate(C, Lazy))
      return;
    SourceLocation Where = C.Var ? Call.getBeginLoc() : C.Lambda->getBeginLoc();
    if (!Check.reportOnce(Where))
      return;
    if (C.Var)
      Check.diag(Where, "the coroutine of lambda '%0' %1, but the closure "
                        "'%0' is a local that dies when this function "
                        "returns, and the captures live in it, not in the "
                        "coroutine frame; %2")
          << C.Var->getName() << fateWords(Flow) << advice(*C.Lambda);
    else
      Check.diag(Where,
                 "the closure of this capturing lambda coroutine is a "
                 "temporary destroyed at the end of the full-expression, "
                 "but the coroutine %0; its captures live in the closure, "
                 "not in the coroutine frame, and dangle once it suspends; %1")
          << fateWords(Flow) << advice(*C.Lambda) << fixClosure(*C.Lambda);
    noteCapture(C);
    noteKeeper(Flow);
  }

  /// A capturing lambda coroutine given to a call that hands it off.
  void checkHandedClosure(const Expr &Arg, const CallExpr &Call,
                          const model::Handoff &Handoff) {
    Closure C = closureOf(&Arg);
    if (!C.Lambda)
      return;
    // A lazy coroutine only runs if the call keeps the task the closure
    // returns: a continuation's result or the task the call returns.
    bool Lazy = isLazy(C.Lambda->getCallOperator()->getReturnType());
    if (Lazy && Handoff.Kind != model::HandoffKind::Continuation &&
        !Model.isTaskType(Call.getType()))
      return;
    if (!capturesUsedLate(C, Lazy) || !Check.reportOnce(Arg.getBeginLoc()))
      return;
    Check.diag(Arg.getBeginLoc(),
               "the closure of this capturing lambda coroutine is %0 '%1', "
               "which may destroy it once the coroutine has started, while "
               "the coroutine still refers to its captures; %2")
        << (C.Var ? "copied into" : "handed to")
        << model::callKeys(Call).front() << advice(*C.Lambda)
        << (C.Var ? FixItHint() : fixClosure(*C.Lambda));
    noteCapture(C);
    Check.noteInferred(Model.inferredScheduling(Call));
  }

  /// Reference, pointer and view parameters of a coroutine \p Callee that
  /// \p Call binds to temporaries or locals its task outlives.
  void checkParameters(const CallExpr &Call, const FunctionDecl &Callee) {
    const FunctionDecl *Definition = Callee.getDefinition();
    const Stmt *Coroutine = Definition ? coroutineBody(*Definition) : nullptr;
    // Without a body, only a lazy task says the callee is a coroutine that
    // keeps its parameters: an eager one may copy them before it returns.
    // A coroutine returns its task by value ('std::move(task)' does not).
    bool Lazy = isLazy(Call.getType());
    if (!Call.isPRValue() || (Definition ? !Coroutine : !Lazy))
      return;
    unsigned Offset = 0;
    if (const auto *Method = dyn_cast<CXXMethodDecl>(&Callee);
        Method && isa<CXXOperatorCallExpr>(Call) &&
        Method->isImplicitObjectMemberFunction())
      Offset = 1;
    std::optional<TaskFlow> Flow;
    for (unsigned I = 0;
         I + Offset < Call.getNumArgs() && I < Callee.getNumParams(); ++I) {
      const ParmVarDecl *Param =
          (Definition ? Definition : &Callee)->getParamDecl(I);
      // Without a body, an rvalue reference says the callee takes the
      // argument over ('spawn_joinable(task<>&&)' moves the task away).
      if (!Model.isReferenceLike(Param->getType()) ||
          (!Coroutine && Param->getType()->isRValueReferenceType()))
        continue;
      const Expr &Arg = *Call.getArg(I + Offset);
      std::optional<model::BoundReferent> Referent =
          model::boundReferent(Arg, Param->getType(), Model);
      if (!Referent)
        continue;
      const VarDecl *Local =
          Referent->Temporary ? nullptr : model::localOwner(Referent->Object);
      if (!Referent->Temporary && !Local)
        continue;
      if (!Lazy && !model::usedAfterSuspension(*Coroutine, [&](const Stmt &S) {
            const auto *Ref = dyn_cast<DeclRefExpr>(&S);
            return Ref && Ref->getDecl() == Param;
          }))
        continue;
      if (!Flow)
        Flow = model::taskFlow(Parents, Model);
      if (Referent->Temporary)
        reportTemporary(Arg, *Param, Callee, *Flow, Lazy);
      else
        reportLocal(Arg, *Local, *Param, Callee, *Flow);
    }
  }

  void reportTemporary(const Expr &Arg, const ParmVarDecl &Param,
                       const FunctionDecl &Coroutine, const TaskFlow &Flow,
                       bool Lazy) {
    // Handed-off work is async-detached-dangling-reference's.
    if (!outlivesFullExpression(Flow, Lazy) ||
        Flow.Fate == TaskFate::HandedOff ||
        (Flow.Var && extendedBy(Arg, *Flow.Var)) ||
        !Check.reportOnce(Arg.getBeginLoc()))
      return;
    Check.diag(Arg.getBeginLoc(),
               "a temporary is bound to parameter '%0' of coroutine '%1' and "
               "destroyed at the end of the full-expression, but the "
               "coroutine %2 and still refers to it; make the parameter a "
               "value, or await the coroutine in the same full-expression")
        << Param.getName() << Coroutine.getName() << fateWords(Flow);
    noteParameter(Param);
    noteKeeper(Flow);
  }

  void reportLocal(const Expr &Arg, const VarDecl &Local,
                   const ParmVarDecl &Param, const FunctionDecl &Coroutine,
                   TaskFlow Flow) {
    if (Flow.Fate == TaskFate::Stored)
      Flow = model::variableFlow(*Flow.Var, Body);
    if ((Flow.Fate != TaskFate::Returned && Flow.Fate != TaskFate::Escaped) ||
        !Check.reportOnce(Arg.getBeginLoc()))
      return;
    Check.diag(Arg.getBeginLoc(),
               "'%0' is bound to parameter '%1' of coroutine '%2', but the "
               "coroutine %3 and outlives '%0', which dies when this "
               "function returns; make the parameter a value, or keep '%0' "
               "alive until the task is done")
        << Local.getName() << Param.getName() << Coroutine.getName()
        << fateWords(Flow);
    noteParameter(Param);
    Check.diag(Local.getLocation(), "'%0' is declared here",
               DiagnosticIDs::Note)
        << Local.getName();
    noteKeeper(Flow);
  }

  StringRef advice(const LambdaExpr &Lambda) const {
    return canFix(Lambda) ? "take the closure by value with 'this auto "
                            "self' so that the frame keeps a copy, or pass "
                            "the captures as parameters by value"
                          : "pass the captures as parameters by value, or "
                            "keep the closure alive until the task is done";
  }

  /// Whether 'this auto self' can be added: C++23, a written parameter
  /// list, no 'mutable', copyable captures, and the name is free.
  bool canFix(const LambdaExpr &Lambda) const {
    const CXXMethodDecl *Operator = Lambda.getCallOperator();
    if (!Ctx.getLangOpts().CPlusPlus23 || !Lambda.hasExplicitParameters() ||
        Lambda.isMutable() || Operator->isExplicitObjectMemberFunction() ||
        !Operator->getTypeSourceInfo())
      return false;
    for (const ParmVarDecl *Param : Operator->parameters())
      if (Param->getName() == "self")
        return false;
    for (const LambdaCapture &Capture : Lambda.captures())
      if (Capture.capturesVariable()) {
        const ValueDecl *Var = Capture.getCapturedVar();
        if (Var->getName() == "self" ||
            (Capture.getCaptureKind() == LCK_ByCopy &&
             !isCopyable(Var->getType())))
          return false;
      }
    return true;
  }

  FixItHint fixClosure(const LambdaExpr &Lambda) const {
    if (!canFix(Lambda))
      return {};
    const CXXMethodDecl *Operator = Lambda.getCallOperator();
    auto Proto = Operator->getTypeSourceInfo()
                     ->getTypeLoc()
                     .getAsAdjusted<FunctionProtoTypeLoc>();
    if (!Proto || Proto.getLParenLoc().isMacroID())
      return {};
    return FixItHint::CreateInsertion(
        Proto.getLParenLoc().getLocWithOffset(1),
        Operator->getNumParams() == 0 ? "this auto self" : "this auto self, ");
  }

  void noteCapture(const Closure &C) {
    const LambdaCapture &First = *C.Lambda->capture_begin();
    if (First.capturesVariable())
      Check.diag(First.getLocation(), "'%0' is captured here",
                 DiagnosticIDs::Note)
          << First.getCapturedVar()->getName();
    else
      Check.diag(First.getLocation(), "'this' is captured here",
                 DiagnosticIDs::Note);
    if (C.Var)
      Check.diag(C.Var->getLocation(), "'%0' is declared here",
                 DiagnosticIDs::Note)
          << C.Var->getName();
  }

  void noteParameter(const ParmVarDecl &Param) {
    Check.diag(Param.getLocation(), "parameter '%0' is declared here",
               DiagnosticIDs::Note)
        << Param.getName();
  }

  void noteKeeper(const TaskFlow &Flow) {
    if (!Flow.Keeper)
      return;
    StringRef What;
    switch (Flow.Fate) {
    case TaskFate::Stored:
      What = "the task is kept here";
      break;
    case TaskFate::Returned:
      What = "the task is returned here";
      break;
    case TaskFate::Escaped:
      What = "the task is stored here";
      break;
    case TaskFate::HandedOff:
      What = "the task is handed off here";
      break;
    default:
      return;
    }
    Check.diag(Flow.Keeper->getBeginLoc(), What, DiagnosticIDs::Note);
  }

  CoroutineLifetimeCheck &Check;
  const model::AsyncModel &Model;
  const Stmt &Body;
  ASTContext &Ctx;
  llvm::SmallVector<const Stmt *, 32> Parents;
};

void CoroutineLifetimeCheck::checkBody(const FunctionDecl &, const Stmt &Body,
                                       bool, ASTContext &Ctx) {
  FunctionScan(*this, Body, Ctx).run();
}

} // namespace clang::tidy::async

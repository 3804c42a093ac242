//===--- UndisposedTimeoutCheck.cpp - async-undisposed-timeout ------------===//

#include "UndisposedTimeoutCheck.h"
#include "checks/model/ApiNames.h"
#include "checks/model/AstHelpers.h"
#include "checks/model/ContextDescription.h"
#include "checks/model/Continuations.h"
#include "checks/model/HeldLocks.h" // isSuspension
#include "checks/model/StmtWalk.h"
#include "checks/model/Summaries.h"
#include "common/CrossFileCalls.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallPtrSet.h"

namespace clang::tidy::async {

UndisposedTimeoutCheck::UndisposedTimeoutCheck(StringRef Name,
                                               ClangTidyContext *Context)
    : FunctionBodyCheck(Name, Context),
      CancelFunctions(*this, "CancelFunctions") {}

bool UndisposedTimeoutCheck::isDisarm(llvm::StringRef Member) const {
  return model().isTimerDisarm(Member) || CancelFunctions.matches(Member);
}

/// The object a member call is made on, through '->' and '*' of smart
/// pointers: the timer variable of 'timer->async_wait(...)'.
static const ValueDecl *objectDecl(const Expr *Object) {
  if (!Object)
    return nullptr;
  Object = Object->IgnoreParenImpCasts();
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Object))
    if ((Op->getOperator() == OO_Arrow || Op->getOperator() == OO_Star) &&
        Op->getNumArgs() >= 1)
      Object = Op->getArg(0);
  if (const auto *Unary =
          dyn_cast<UnaryOperator>(Object->IgnoreParenImpCasts()))
    if (Unary->getOpcode() == UO_Deref)
      Object = Unary->getSubExpr();
  return model::referencedDecl(Object);
}

static StringRef memberName(const CXXMemberCallExpr &Call) {
  const CXXMethodDecl *Method = Call.getMethodDecl();
  return Method && Method->getIdentifier() ? Method->getName() : StringRef();
}

/// The timer an argument names: 'timer', '&timer', 'timer_'.
static const ValueDecl *timerArgument(const Expr &Arg) {
  const Expr *E = Arg.IgnoreParenImpCasts();
  if (const auto *Unary = dyn_cast<UnaryOperator>(E);
      Unary && Unary->getOpcode() == UO_AddrOf)
    E = Unary->getSubExpr();
  return objectDecl(E);
}

/// The object a value, reference or pointer of type \p T stands for.
static QualType objectType(QualType T) {
  return T->isPointerType() ? T->getPointeeType() : T.getNonReferenceType();
}

/// A parameter through which a function can disarm the caller's timer: a
/// reference or pointer to a non-const object.
static bool mayDisarmThrough(QualType Param) {
  return (Param->isReferenceType() || Param->isPointerType()) &&
         !objectType(Param).isConstQualified();
}

/// What the summaries say a function does with a timer given to it.
static constexpr llvm::StringLiteral DisarmsWord = "disarms";
static constexpr llvm::StringLiteral KeepsWord = "keeps armed";
static constexpr llvm::StringLiteral ArmsWord = "arms";

/// Pre-order list of the statements of \p S, lambdas included.
static void flatten(const Stmt &Root,
                    llvm::SmallVectorImpl<const Stmt *> &Out) {
  walkStatements(Root, [&](const Stmt &S, const Stmt *) {
    Out.push_back(&S);
    return WalkAction::Descend;
  });
}

class UndisposedTimeoutCheck::FunctionScan {
public:
  FunctionScan(UndisposedTimeoutCheck &Check, const FunctionDecl &Function,
               ASTContext &Ctx)
      : Check(Check), Model(Check.model()), Function(Function),
        SM(Ctx.getSourceManager()) {}

  /// For other files: whether this function disarms each timer given to it
  /// by reference or pointer.
  void recordTimerParameters(const FunctionDecl &Function, const Stmt &Body,
                             model::SummaryRecorder &Recorder) {
    if (isa<CXXMethodDecl>(Function) &&
        cast<CXXMethodDecl>(Function).getParent()->isLambda())
      return;
    for (const ParmVarDecl *Param : Function.parameters()) {
      QualType T = Param->getType();
      QualType Object = objectType(T);
      if (!mayDisarmThrough(T) || !Model.isTimerType(Object))
        continue;
      // A function of another file that may disarm it is no knowledge to
      // pass on: callers then take this one to maybe disarm it too.
      GuessedDisarm = false;
      bool Disarms = disarms(Body, Param);
      if (GuessedDisarm)
        continue;
      Recorder.addParameterEffect(
          Check.getID(), Function, Param->getFunctionScopeIndex(), std::nullopt,
          /*IsCallable=*/false, Disarms ? DisarmsWord : KeepsWord,
          model::typeName(Object, Function.getASTContext()),
          Param->getLocation(), Model, SM);
    }
  }

  void run(const Stmt &Body) {
    // This function's own statements; a lambda's body is its own function.
    collect(Body);
    for (const auto &[Wait, Role] : Waits)
      checkArming(*Wait, Role);
    for (const auto &[Call, Arming] : HelperArmings)
      checkHelperArming(*Call, Arming);
    for (const Expr *Spawn : ThreadSpawns)
      checkSleepingThread(*Spawn);
    for (const auto &[Registration, ScopeEnd] : StopCallbacks)
      checkStopCallback(*Registration, ScopeEnd);
  }

private:
  void collect(const Stmt &Body) {
    walkStatements(Body, [&](const Stmt &S, const Stmt *Parent) {
      // A lambda's body is its own function.
      if (Parent && isa<LambdaExpr>(S))
        return WalkAction::Skip;
      collectOne(S);
      return WalkAction::Descend;
    });
  }

  /// Files \p S under what the checks of the function look at.
  void collectOne(const Stmt &S) {
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&S)) {
      StringRef Name = memberName(*Member);
      bool Periodic = false;
      if (Model.isTimerWait(Name) &&
          Model.isTimerType(Member->getImplicitObjectArgument()->getType()))
        Waits.push_back({Member, nullptr});
      else if (const model::InferredRole *Role =
                   Model.inferredTimerArm(*Member, Periodic);
               Role && !Periodic)
        Waits.push_back({Member, Role});
      if (model::attachesContinuation(*Member, Model))
        Continued[Member->getImplicitObjectArgument()->IgnoreImplicit()] =
            Member;
    }
    if (const auto *Call = dyn_cast<CallExpr>(&S))
      if (const FunctionDecl *Callee = Call->getDirectCallee()) {
        if (std::optional<Armer> Arming = helperArming(*Call, *Callee))
          HelperArmings.push_back({Call, std::move(*Arming)});
        // An operation completes through its handler or its task.
        if (Model.isThreadSpawn(*Call))
          ThreadSpawns.push_back(Call);
        else if (Model.isCompletionInitiator(*Callee) ||
                 Model.isTaskType(Call->getType()))
          Operations.push_back(Call);
      }
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(&S))
      if (Model.isThreadType(Construct->getType()))
        ThreadSpawns.push_back(Construct);
    collectThreadJoin(S);
    if (const auto *Block = dyn_cast<CompoundStmt>(&S))
      for (const Stmt *Item : Block->body())
        if (const auto *Decls = dyn_cast<DeclStmt>(Item))
          for (const Decl *D : Decls->decls())
            if (const auto *Var = dyn_cast<VarDecl>(D))
              if (Model.isStopCallbackType(Var->getType()))
                StopCallbacks.push_back({Var, Block->getRBracLoc()});
    Statements.push_back(&S);
  }

  /// The thread construction \p E (a temporary or an initializer) is.
  const Expr *threadConstruction(const Expr *E) const {
    if (!E)
      return nullptr;
    E = E->IgnoreImplicit()->IgnoreParens();
    if (const auto *Cast = dyn_cast<CXXFunctionalCastExpr>(E))
      E = Cast->getSubExpr()->IgnoreImplicit();
    const auto *Construct = dyn_cast<CXXConstructExpr>(E);
    return Construct && Model.isThreadType(Construct->getType()) ? Construct
                                                                 : nullptr;
  }

  /// Which thread variable a construction initializes or is assigned to,
  /// and which threads are joined ('t.join()', 'std::thread(f).join()').
  void collectThreadJoin(const Stmt &S) {
    if (const auto *Decls = dyn_cast<DeclStmt>(&S))
      for (const Decl *D : Decls->decls())
        if (const auto *Var = dyn_cast<VarDecl>(D))
          if (const Expr *Spawn = threadConstruction(Var->getInit()))
            SpawnVariables[Spawn] = Var;
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(&S);
        Op && Op->getOperator() == OO_Equal && Op->getNumArgs() == 2)
      if (const Expr *Spawn = threadConstruction(Op->getArg(1)))
        SpawnVariables[Spawn] = model::referencedDecl(Op->getArg(0));
    const auto *Member = dyn_cast<CXXMemberCallExpr>(&S);
    if (!Member || !Model.isJoinMember(memberName(*Member)) ||
        !Model.isThreadType(Member->getImplicitObjectArgument()->getType()))
      return;
    if (const Expr *Spawn =
            threadConstruction(Member->getImplicitObjectArgument()))
      JoinedSpawns.insert(Spawn);
    else if (const ValueDecl *Thread =
                 objectDecl(Member->getImplicitObjectArgument()))
      Joined.insert(Thread);
  }

  /// Calls in \p Body (and the bodies of the functions it calls, two levels
  /// deep) that disarm \p Timer.
  bool disarms(const Stmt &Body, const ValueDecl *Timer, unsigned Depth = 0) {
    llvm::SmallVector<const Stmt *, 64> All;
    flatten(Body, All);
    for (const Stmt *S : All) {
      if (const auto *Member = dyn_cast<CXXMemberCallExpr>(S))
        if (Check.isDisarm(memberName(*Member)) &&
            objectDecl(Member->getImplicitObjectArgument()) == Timer)
          return true;
      if (const auto *Delete = dyn_cast<CXXDeleteExpr>(S))
        if (model::referencedDecl(Delete->getArgument()) == Timer)
          return true;
      if (const auto *Call = dyn_cast<CallExpr>(S))
        if (const FunctionDecl *Callee = Call->getDirectCallee()) {
          if (Depth < 2)
            if (const Stmt *CalleeBody = Callee->getBody())
              if (!SM.isInSystemHeader(Callee->getLocation()) &&
                  disarms(*CalleeBody, Timer, Depth + 1))
                return true;
          if (handsToDisarmer(*Call, *Callee, Timer, Depth))
            return true;
        }
    }
    return false;
  }

  /// The timeout a function arms on the timer \p Call gives it: known from
  /// its body in this file, or from the project index.
  std::optional<Armer> helperArming(const CallExpr &Call,
                                    const FunctionDecl &Callee) {
    if (isa<CXXOperatorCallExpr>(Call) ||
        SM.isInSystemHeader(SM.getExpansionLoc(Callee.getLocation())) ||
        llvm::none_of(Call.arguments(), [&](const Expr *Arg) {
          return Model.isTimerType(objectType(Arg->getType()));
        }))
      return std::nullopt;
    const FunctionDecl *Definition = nullptr;
    if (Callee.hasBody(Definition))
      return Check.armerOf(*Definition);
    if (model::SummaryRecorder *Recorder = model::activeSummaryRecorder())
      Recorder->addParameterCallee(Callee);
    const model::ProjectIndex *Index = Model.projectIndex();
    if (!Index)
      return std::nullopt;
    for (const model::CrossFileParameter &Known :
         Index->parameters(Check.getID(), model::usrOf(Callee)))
      if (Known.How == ArmsWord && Known.Related)
        return Armer{
            Known.Index,
            *Known.Related,
            Known.Function,
            {},
            {Known.Function, Known.File, Known.Line, Known.Column, ""}};
    return std::nullopt;
  }

  /// Whether \p Call gives \p Timer (by reference or pointer) to a function
  /// that disarms it: one of this file whose body does, one of another file
  /// the project index says does, or one of another file nothing here
  /// knows about (it may). A function of another file that the index says
  /// keeps it armed is remembered for the finding's note.
  bool handsToDisarmer(const CallExpr &Call, const FunctionDecl &Callee,
                       const ValueDecl *Timer, unsigned Depth) {
    if (isa<CXXOperatorCallExpr>(Call) ||
        SM.isInSystemHeader(SM.getExpansionLoc(Callee.getLocation())))
      return false;
    for (unsigned I = 0; I < Call.getNumArgs() && I < Callee.getNumParams();
         ++I) {
      if (timerArgument(*Call.getArg(I)) != Timer ||
          !mayDisarmThrough(Callee.getParamDecl(I)->getType()))
        continue;
      const FunctionDecl *Definition = nullptr;
      if (Callee.hasBody(Definition)) {
        if (Depth < 2 && disarms(*Definition->getBody(),
                                 Definition->getParamDecl(I), Depth + 1))
          return true;
        continue;
      }
      if (model::SummaryRecorder *Recorder = model::activeSummaryRecorder())
        Recorder->addParameterCallee(Callee);
      const model::CrossFileParameter *Known = Check.indexedTimerUse(Callee, I);
      if (!Known)
        GuessedDisarm = true;
      if (!Known || Known->How == DisarmsWord)
        return true;
      Kept = {&Call, *Known};
    }
    return false;
  }

  /// What a timeout handler cancels: the guarded object.
  const ValueDecl *guardedBy(const LambdaExpr &Handler, const ValueDecl *Timer,
                             bool &Rearms, bool &ChecksAborted) {
    const ValueDecl *Guarded = nullptr;
    llvm::SmallVector<const Stmt *, 64> All;
    flatten(*Handler.getBody(), All);
    for (const Stmt *S : All) {
      if (const auto *Ref = dyn_cast<DeclRefExpr>(S))
        if (Ref->getDecl()->getIdentifier() &&
            Model.isAbortedError(Ref->getDecl()->getName()))
          ChecksAborted = true;
      const auto *Member = dyn_cast<CXXMemberCallExpr>(S);
      if (!Member)
        continue;
      const ValueDecl *Object = objectDecl(Member->getImplicitObjectArgument());
      if (Object == Timer && Model.isTimerWait(memberName(*Member)))
        Rearms = true;
      if (Object && Object != Timer &&
          Model.isOperationCancel(memberName(*Member)))
        Guarded = Object;
    }
    return Guarded;
  }

  /// The operation a timeout guards: an async_* call on (or with as first
  /// argument) the guarded object, preferably the first one started after
  /// the timer is armed.
  const CallExpr *guardedOperation(const ValueDecl *Guarded,
                                   SourceLocation Armed) const {
    const CallExpr *Before = nullptr;
    for (const CallExpr *Op : Operations) {
      if (objectDecl(model::callSubject(*Op)) != Guarded)
        continue;
      if (SM.isBeforeInTranslationUnit(Armed, Op->getBeginLoc()))
        return Op;
      if (!Before)
        Before = Op;
    }
    return Before;
  }

  /// Whether a co_await follows \p After in this function (before
  /// \p Before, when given).
  bool suspendsAfter(SourceLocation After,
                     SourceLocation Before = SourceLocation()) const {
    return llvm::any_of(Statements, [&](const Stmt *S) {
      return model::isSuspension(*S) &&
             SM.isBeforeInTranslationUnit(After, S->getBeginLoc()) &&
             (Before.isInvalid() ||
              SM.isBeforeInTranslationUnit(S->getBeginLoc(), Before));
    });
  }

  /// A stop callback that cancels an operation, still registered when the
  /// coroutine goes on to wait for something else: a later stop request
  /// cancels the wrong operation.
  void checkStopCallback(const VarDecl &Registration, SourceLocation ScopeEnd) {
    const auto *Construct = dyn_cast_or_null<CXXConstructExpr>(
        Registration.getInit() ? Registration.getInit()->IgnoreImplicit()
                               : nullptr);
    if (!Construct || Construct->getNumArgs() < 2)
      return;
    const LambdaExpr *Callback =
        model::lambdaArgument(Construct->getArg(Construct->getNumArgs() - 1));
    if (!Callback)
      return;
    bool Rearms = false, ChecksAborted = false;
    const ValueDecl *Guarded =
        guardedBy(*Callback, &Registration, Rearms, ChecksAborted);
    if (!Guarded)
      return;
    const CallExpr *Operation =
        guardedOperation(Guarded, Registration.getEndLoc());
    if (!Operation || !suspendsAfter(Operation->getEndLoc(), ScopeEnd) ||
        !Check.reportOnce(Registration.getLocation()))
      return;
    Check.diag(Registration.getLocation(),
               "stop callback '%0' cancels '%1' and stays registered after "
               "the operation completes; a stop requested later cancels "
               "'%1' in the middle of whatever it does next; end its scope "
               "right after the operation")
        << Registration.getName() << Guarded->getName();
    Check.diag(Operation->getExprLoc(),
               "the guarded operation; '%0' is still registered after it",
               DiagnosticIDs::Note)
        << Registration.getName();
  }

  bool disarmedAfter(SourceLocation After, const ValueDecl *Timer) {
    for (const Stmt *S : Statements)
      if (const auto *Member = dyn_cast<CXXMemberCallExpr>(S))
        if (Check.isDisarm(memberName(*Member)) &&
            objectDecl(Member->getImplicitObjectArgument()) == Timer &&
            SM.isBeforeInTranslationUnit(After, Member->getBeginLoc()))
          return true;
    return false;
  }

  /// The owning class cancels the timer somewhere (its destructor, a stop()
  /// or close() member): it manages the timer's lifetime.
  bool ownerCancels(const FieldDecl &Timer) {
    const auto *Owner = dyn_cast<CXXRecordDecl>(Timer.getParent());
    if (!Owner)
      return false;
    for (const CXXMethodDecl *Method : Owner->methods())
      if (const Stmt *Body = Method->getBody())
        if (disarms(*Body, &Timer, /*Depth=*/2))
          return true;
    return false;
  }

  /// The lambda an inferred timer runs when \p Arm sets it off: an
  /// argument of the arming call, the last one given to the timer before it
  /// in this function ('t.set_callback(...)'), or the one it was built with
  /// (a local's initializer, a member's initializer in a constructor).
  const LambdaExpr *inferredHandler(const CXXMemberCallExpr &Arm,
                                    const ValueDecl &Timer) const {
    for (const Expr *Arg : Arm.arguments())
      if (const LambdaExpr *Lambda = model::lambdaArgument(Arg))
        return Lambda;
    const LambdaExpr *Given = nullptr;
    for (const Stmt *S : Statements) {
      if (S == &Arm)
        break;
      if (const auto *Member = dyn_cast<CXXMemberCallExpr>(S);
          Member && objectDecl(Member->getImplicitObjectArgument()) == &Timer)
        if (const LambdaExpr *Lambda = lambdaAmong(*Member))
          Given = Lambda;
    }
    if (Given)
      return Given;
    if (const auto *Local = dyn_cast<VarDecl>(&Timer))
      return Local->getInit() ? lambdaIn(*Local->getInit()) : nullptr;
    const auto *Field = dyn_cast<FieldDecl>(&Timer);
    const auto *Owner =
        Field ? dyn_cast<CXXRecordDecl>(Field->getParent()) : nullptr;
    if (!Owner)
      return nullptr;
    for (const CXXConstructorDecl *Ctor : Owner->ctors()) {
      for (const CXXCtorInitializer *Init : Ctor->inits())
        if (Init->getMember() == Field)
          if (const LambdaExpr *Lambda = lambdaIn(*Init->getInit()))
            return Lambda;
      if (const Stmt *Body = Ctor->getBody()) {
        llvm::SmallVector<const Stmt *, 32> All;
        flatten(*Body, All);
        for (const Stmt *S : All)
          if (const auto *Member = dyn_cast<CXXMemberCallExpr>(S);
              Member &&
              objectDecl(Member->getImplicitObjectArgument()) == Field)
            if (const LambdaExpr *Lambda = lambdaAmong(*Member))
              return Lambda;
      }
    }
    return nullptr;
  }

  static const LambdaExpr *lambdaAmong(const CallExpr &Call) {
    for (const Expr *Arg : Call.arguments())
      if (const LambdaExpr *Lambda = model::lambdaArgument(Arg))
        return Lambda;
    return nullptr;
  }

  /// The lambda a construction takes: 't(handler)', 't{handler}'.
  static const LambdaExpr *lambdaIn(const Expr &Init) {
    if (const LambdaExpr *Lambda = model::lambdaArgument(&Init))
      return Lambda;
    if (const auto *Construct =
            dyn_cast<CXXConstructExpr>(Init.IgnoreImplicit()))
      for (const Expr *Arg : Construct->arguments())
        if (const LambdaExpr *Lambda = model::lambdaArgument(Arg))
          return Lambda;
    return nullptr;
  }

  /// The lambda that runs when \p Operation completes: its handler
  /// argument, or the continuation attached to the task it returns.
  const LambdaExpr *completionOf(const CallExpr &Operation) const {
    if (Operation.getNumArgs() > 0)
      if (const LambdaExpr *Handler = model::lambdaArgument(
              Operation.getArg(Operation.getNumArgs() - 1)))
        return Handler;
    const CXXMemberCallExpr *Then = Continued.lookup(&Operation);
    return Then ? lambdaAmong(*Then) : nullptr;
  }

  void checkArming(const CXXMemberCallExpr &Wait,
                   const model::InferredRole *Inferred) {
    const ValueDecl *Timer = objectDecl(Wait.getImplicitObjectArgument());
    if (!Timer)
      return;
    const LambdaExpr *Handler = nullptr;
    if (Inferred)
      Handler = inferredHandler(Wait, *Timer);
    else if (Wait.getNumArgs() > 0)
      Handler = model::lambdaArgument(Wait.getArg(Wait.getNumArgs() - 1));
    if (!Handler)
      return;
    if (!Inferred)
      checkSelfOwnership(Wait, *Handler, Timer);
    bool Rearms = false, ChecksAborted = false;
    const ValueDecl *Guarded =
        guardedBy(*Handler, Timer, Rearms, ChecksAborted);
    if (!Guarded || Rearms)
      return; // not a timeout, or a periodic timer
    if (const auto *Field = dyn_cast<FieldDecl>(Timer))
      if (ChecksAborted && ownerCancels(*Field))
        return;
    if (!guardedOperation(Guarded, Wait.getEndLoc())) {
      recordArming(Wait, *Timer, *Guarded);
      return;
    }
    checkTimeout(Wait, Timer, Guarded, Inferred, nullptr);
  }

  /// A timeout armed by a function this one calls, with this function's
  /// timer and guarded object as its arguments.
  void checkHelperArming(const CallExpr &Call, const Armer &Arming) {
    if (Arming.Timer >= Call.getNumArgs() ||
        Arming.Guarded >= Call.getNumArgs())
      return;
    const ValueDecl *Timer = timerArgument(*Call.getArg(Arming.Timer));
    const ValueDecl *Guarded = timerArgument(*Call.getArg(Arming.Guarded));
    if (Timer && Guarded && Timer != Guarded)
      checkTimeout(Call, Timer, Guarded, nullptr, &Arming);
  }

  /// This function arms its own timer parameter as a timeout for its own
  /// object parameter: its callers start the operation.
  void recordArming(const CXXMemberCallExpr &Wait, const ValueDecl &Timer,
                    const ValueDecl &Guarded) {
    const auto *TimerParam = dyn_cast<ParmVarDecl>(&Timer);
    const auto *GuardedParam = dyn_cast<ParmVarDecl>(&Guarded);
    if (!TimerParam || !GuardedParam ||
        TimerParam->getDeclContext() != &Function ||
        GuardedParam->getDeclContext() != &Function ||
        !mayDisarmThrough(TimerParam->getType()))
      return;
    Armer Arming{TimerParam->getFunctionScopeIndex(),
                 GuardedParam->getFunctionScopeIndex(),
                 model::callableName(Function),
                 Wait.getExprLoc(),
                 {}};
    if (!Check.Armers.try_emplace(Function.getCanonicalDecl(), Arming).second)
      return;
    if (model::SummaryRecorder *Recorder = model::activeSummaryRecorder())
      Recorder->addParameterEffect(
          Check.getID(), Function, Arming.Timer, Arming.Guarded,
          /*IsCallable=*/false, ArmsWord,
          model::typeName(TimerParam->getType().getNonReferenceType(),
                          Function.getASTContext()),
          Wait.getExprLoc(), Model, SM);
  }

  /// A timer armed at \p ArmedBy (its wait, or the call of a function that
  /// arms it, \p Helper) to cancel \p Guarded: reported unless the
  /// operation's completion disarms it.
  void checkTimeout(const Expr &ArmedBy, const ValueDecl *Timer,
                    const ValueDecl *Guarded,
                    const model::InferredRole *Inferred, const Armer *Helper) {
    const CallExpr *Operation = guardedOperation(Guarded, ArmedBy.getEndLoc());
    if (!Operation)
      return;
    Kept.reset();
    // Completion by callback: the handler must disarm the timer.
    if (const LambdaExpr *Completion = completionOf(*Operation)) {
      if (disarms(*Completion->getBody(), Timer))
        return;
    } else {
      // Completion by co_await: disarmed afterwards, or a local timer that
      // dies before the coroutine waits for anything else.
      SourceLocation Done = Operation->getEndLoc();
      if (disarmedAfter(Done, Timer))
        return;
      const auto *Local = dyn_cast<VarDecl>(Timer);
      if (Local && Local->hasLocalStorage() && !suspendsAfter(Done))
        return;
    }
    if (!Check.reportOnce(ArmedBy.getExprLoc()))
      return;
    Check.diag(ArmedBy.getExprLoc(),
               "timer '%0' is armed as a timeout for '%1' but is not "
               "cancelled when the operation completes first; it fires "
               "later and cancels '%1' in the middle of whatever it does "
               "next; cancel '%0' when the operation completes")
        << Timer->getName() << Guarded->getName();
    Check.diag(Operation->getExprLoc(),
               "the guarded operation; its completion does not cancel '%0'",
               DiagnosticIDs::Note)
        << Timer->getName();
    if (Kept)
      Check.diag(Kept->first->getExprLoc(),
                 "'%0' (%1) is given '%2' here and does not cancel it",
                 DiagnosticIDs::Note)
          << Kept->second.Function
          << crossFilePlace(Kept->second.File, Kept->second.Line)
          << Timer->getName();
    if (Helper && Helper->Loc.isValid())
      Check.diag(Helper->Loc, "'%0' arms it here", DiagnosticIDs::Note)
          << Helper->Function;
    else if (Helper)
      Check.diag(crossFileLocation(SM, Helper->Place.File, Helper->Place.Line,
                                   Helper->Place.Column),
                 "'%0' in %1 arms it here", DiagnosticIDs::Note)
          << Helper->Function
          << crossFilePlace(Helper->Place.File, Helper->Place.Line);
    Check.noteInferred(Inferred);
  }

  /// A heap timer whose handler holds the only owner of the timer.
  void checkSelfOwnership(const CXXMemberCallExpr &Wait,
                          const LambdaExpr &Handler, const ValueDecl *Timer) {
    const auto *Var = dyn_cast<VarDecl>(Timer);
    if (!Var || !Var->hasLocalStorage() || !Var->getType()->isRecordType())
      return; // a shared_ptr local
    for (const LambdaCapture &Capture : Handler.captures())
      if (Capture.capturesVariable() && Capture.getCapturedVar() == Var &&
          Capture.getCaptureKind() == LCK_ByCopy && !escapes(*Var, Wait) &&
          Check.reportOnce(Capture.getLocation())) {
        Check.diag(Capture.getLocation(),
                   "timer '%0' keeps itself alive through the handler of its "
                   "own %1; once this function returns nothing can "
                   "cancel it; keep the timer where the operation's owner can "
                   "cancel it")
            << Var->getName() << memberName(Wait);
      }
  }

  /// Whether a shared_ptr local is stored or passed anywhere but to the
  /// handler of \p Wait.
  bool escapes(const VarDecl &Var, const CXXMemberCallExpr &Wait) const {
    for (const Stmt *S : Statements) {
      const auto *Call = dyn_cast<CallExpr>(S);
      if (!Call || Call == &Wait)
        continue;
      for (const Expr *Arg : Call->arguments())
        if (model::referencedDecl(Arg) == &Var &&
            !isa<CXXOperatorCallExpr>(Call))
          return true;
      if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call);
          Op && Op->getOperator() == OO_Equal && Op->getNumArgs() == 2 &&
          model::referencedDecl(Op->getArg(1)) == &Var)
        return true;
    }
    return false;
  }

  /// A flag: a bool, or a wrapper of one (std::atomic<bool>).
  static bool isFlagType(QualType T) {
    T = T.getNonReferenceType();
    if (T->isBooleanType())
      return true;
    const auto *Spec = T->getAs<TemplateSpecializationType>();
    return Spec && Spec->template_arguments().size() == 1 &&
           Spec->template_arguments()[0].getKind() == TemplateArgument::Type &&
           Spec->template_arguments()[0].getAsType()->isBooleanType();
  }

  /// Whether \p S, a statement after the pause, ends another operation:
  /// cancels or fails it ('s.close()', 'cancel_all()', 'p.set_exception(e)',
  /// 'ioc.stop()') or raises a flag \p Lambda captured ('expired = true').
  /// Doing the work itself (producing a value, setting the result of its
  /// promise, resuming a coroutine, posting a job) is delayed work.
  bool endsOperation(const LambdaExpr &Lambda, const Stmt &S) const {
    auto IsCapturedFlag = [&Lambda](const Expr *E) {
      const ValueDecl *D = model::referencedDecl(E);
      return D && isFlagType(D->getType()) &&
             llvm::any_of(Lambda.captures(), [D](const LambdaCapture &C) {
               return C.capturesVariable() && C.getCapturedVar() == D;
             });
    };
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(&S)) {
      if (Op->isAssignmentOp() && IsCapturedFlag(Op->getArg(0)))
        return true;
    } else if (const auto *Call = dyn_cast<CallExpr>(&S)) {
      const auto *Callee = dyn_cast_or_null<NamedDecl>(Call->getCalleeDecl());
      if (Callee && Callee->getIdentifier() &&
          Model.isTimeoutAction(Callee->getName()))
        return true;
    }
    if (const auto *Assign = dyn_cast<BinaryOperator>(&S))
      if (Assign->isAssignmentOp() && IsCapturedFlag(Assign->getLHS()))
        return true;
    for (const Stmt *Child : S.children())
      if (Child && !isa<LambdaExpr>(Child) && endsOperation(Lambda, *Child))
        return true;
    return false;
  }

  /// Whether this function joins the thread \p Spawn constructs: a joined
  /// thread is waited for, not leaked.
  bool isJoined(const Expr &Spawn) const {
    return JoinedSpawns.contains(&Spawn) ||
           Joined.contains(SpawnVariables.lookup(&Spawn));
  }

  /// std::thread / std::async whose body sleeps and then acts.
  void checkSleepingThread(const Expr &Spawn) {
    llvm::ArrayRef<const Expr *> Args;
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(&Spawn))
      Args = {Construct->getArgs(), Construct->getNumArgs()};
    else
      Args = {cast<CallExpr>(Spawn).getArgs(),
              cast<CallExpr>(Spawn).getNumArgs()};
    for (const Expr *Arg : Args) {
      const LambdaExpr *Body = model::lambdaArgument(Arg);
      if (!Body)
        continue;
      const auto *Block = dyn_cast<CompoundStmt>(Body->getBody());
      if (!Block || Block->size() < 2 || Block->size() > 3)
        continue;
      const auto *Statement = dyn_cast<Expr>(*Block->body_begin());
      const auto *First =
          Statement ? dyn_cast<CallExpr>(Statement->IgnoreImplicit()) : nullptr;
      if (!First || !Model.isSleep(*First) || isJoined(Spawn) ||
          llvm::none_of(
              llvm::drop_begin(Block->body()),
              [&](const Stmt *Rest) { return endsOperation(*Body, *Rest); }) ||
          !Check.reportOnce(First->getBeginLoc()))
        continue;
      Check.diag(First->getBeginLoc(),
                 "a thread that sleeps and then acts is a timeout that costs "
                 "a thread per call and cannot be cancelled; arm a timer "
                 "(%0) instead")
          << model::adviceName(model::AdviceName::TimerWait);
    }
  }

  UndisposedTimeoutCheck &Check;
  const model::AsyncModel &Model;
  const FunctionDecl &Function;
  SourceManager &SM;
  // Calls that arm a timer with a handler, and why the timer is one when no
  // table names it.
  llvm::SmallVector<
      std::pair<const CXXMemberCallExpr *, const model::InferredRole *>, 4>
      Waits;
  llvm::SmallVector<const CallExpr *, 8> Operations;
  // The continuation attached to a task a call returns.
  llvm::DenseMap<const Expr *, const CXXMemberCallExpr *> Continued;
  llvm::SmallVector<const Expr *, 4> ThreadSpawns;
  // Thread constructions and the variables they initialize or are assigned
  // to; the thread variables and temporaries this function joins.
  llvm::DenseMap<const Expr *, const ValueDecl *> SpawnVariables;
  llvm::DenseSet<const ValueDecl *> Joined;
  llvm::SmallPtrSet<const Expr *, 4> JoinedSpawns;
  llvm::SmallVector<const Stmt *, 128> Statements;
  llvm::SmallVector<std::pair<const VarDecl *, SourceLocation>, 2>
      StopCallbacks;
  llvm::SmallVector<std::pair<const CallExpr *, Armer>, 2> HelperArmings;
  // A timer was taken to be disarmed by a function nothing here knows.
  bool GuessedDisarm = false;
  // A function of another file the completion gave the timer to, which the
  // index says leaves it armed.
  std::optional<std::pair<const CallExpr *, model::CrossFileParameter>> Kept;
};

void UndisposedTimeoutCheck::checkBody(const FunctionDecl &Function,
                                       const Stmt &Body, bool,
                                       ASTContext &Ctx) {
  Context = &Ctx;
  FunctionScan Scan(*this, Function, Ctx);
  Scan.run(Body);
  if (model::SummaryRecorder *Recorder = model::activeSummaryRecorder())
    Scan.recordTimerParameters(Function, Body, *Recorder);
}

void UndisposedTimeoutCheck::onStartOfTranslationUnit() {
  FunctionBodyCheck::onStartOfTranslationUnit();
  Context = nullptr;
  Armers.clear();
  ScannedArmers.clear();
}

std::optional<UndisposedTimeoutCheck::Armer>
UndisposedTimeoutCheck::armerOf(const FunctionDecl &Definition) {
  const FunctionDecl *Canon = Definition.getCanonicalDecl();
  // Scanned once, whether or not this TU reached it yet; its own findings
  // are reported once.
  if (ScannedArmers.insert(Canon).second)
    if (const Stmt *Body = Definition.getBody())
      FunctionScan(*this, Definition, *Context).run(*Body);
  auto It = Armers.find(Canon);
  if (It == Armers.end())
    return std::nullopt;
  return It->second;
}

const model::CrossFileParameter *
UndisposedTimeoutCheck::indexedTimerUse(const FunctionDecl &Callee,
                                        unsigned Param) const {
  const model::ProjectIndex *Index = model().projectIndex();
  if (!Index)
    return nullptr;
  std::string Usr = model::usrOf(Callee);
  for (const model::CrossFileParameter &Known : Index->parameters(getID(), Usr))
    if (Known.Index == Param && Known.How != ArmsWord)
      return &Known;
  return nullptr;
}

} // namespace clang::tidy::async

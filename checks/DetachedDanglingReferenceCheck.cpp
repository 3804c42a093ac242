//===--- DetachedDanglingReferenceCheck.cpp - async-detached-dangling-reference
//===//

#include "DetachedDanglingReferenceCheck.h"
#include "checks/model/ApiNames.h"
#include "checks/model/AstHelpers.h"
#include "checks/model/AsyncContext.h"
#include "checks/model/ContextDescription.h"
#include "checks/model/Handoff.h"
#include "checks/model/Joins.h"
#include "checks/model/Ownership.h"
#include "checks/model/Referents.h"
#include "checks/model/StmtWalk.h"
#include "checks/model/Summaries.h"
#include "common/CrossFileCalls.h"
#include "clang/AST/ExprCXX.h"

namespace clang::tidy::async {

DetachedDanglingReferenceCheck::DetachedDanglingReferenceCheck(
    StringRef Name, ClangTidyContext *Context)
    : FunctionBodyCheck(Name, Context),
      RequestScopedTypes(*this, "RequestScopedTypes",
                         model::defaultRequestScopedTypes()) {}

void DetachedDanglingReferenceCheck::onStartOfTranslationUnit() {
  FunctionBodyCheck::onStartOfTranslationUnit();
  Ctx = nullptr;
  DetachedParams.clear();
  Passers.clear();
  IndexedCallees.clear();
}

void DetachedDanglingReferenceCheck::addIndexedParams(
    const FunctionDecl &Callee) {
  const model::ProjectIndex *Index = model().projectIndex();
  const FunctionDecl *Canon = Callee.getCanonicalDecl();
  if (!Index || !IndexedCallees.insert(Canon).second)
    return;
  std::string Usr = model::usrOf(Callee);
  if (Usr.empty())
    return;
  for (const model::CrossFileParameter &Param :
       Index->parameters(getID(), Usr)) {
    Work W{nullptr, Param.What};
    W.Elsewhere = model::CrossFileStep{
        Param.Function.empty() ? model::callableName(Callee) : Param.Function,
        Param.File, Param.Line, Param.Column, ""};
    DetachedParams[Canon].push_back(
        {Param.Index, std::move(W), Param.How, Param.Related, Param.Callable});
  }
}

/// A parameter type that holds a callable object which may refer to the
/// caller's objects (a lambda, std::function); not a function pointer.
static bool isCallableObject(QualType T) {
  return T.getNonReferenceType()->getAsCXXRecordDecl() &&
         model::isCallableType(T);
}

/// Everything the walk of one function body needs.
class DetachedDanglingReferenceCheck::FunctionScan {
public:
  /// \p PassedArguments: judge only the arguments passed to helpers that
  /// detach work referring to their parameters.
  FunctionScan(DetachedDanglingReferenceCheck &Check,
               const FunctionDecl &Function, const Stmt &Body, ASTContext &Ctx,
               bool PassedArguments = false)
      : Check(Check), Model(Check.model()), Function(Function), Ctx(Ctx),
        FunctionEnd(Body.getEndLoc()), Joins(Body, Model),
        PassedArguments(PassedArguments) {}

  void run(const Stmt &Body) { walk(Body); }

private:
  /// Walks the function's own statements (and the captures of its lambdas)
  /// with Parents the chain of ancestors.
  void walk(const Stmt &Body) {
    auto Enter = [&](const Stmt &S, const Stmt *) {
      if (const auto *Block = dyn_cast<CompoundStmt>(&S))
        for (const Stmt *Item : Block->body())
          if (const auto *Decls = dyn_cast<DeclStmt>(Item))
            for (const Decl *D : Decls->decls())
              if (const auto *Var = dyn_cast<VarDecl>(D))
                ScopeEnd[Var] = Block->getRBracLoc();
      Parents.push_back(&S);
      if (const auto *Call = dyn_cast<CallExpr>(&S)) {
        if (PassedArguments)
          checkPassedArguments(*Call);
        else
          checkCall(*Call);
      }
      return WalkAction::Descend;
    };
    auto Leave = [&](const Stmt &) { Parents.pop_back(); };
    auto Children = [](const Stmt &S,
                       llvm::SmallVectorImpl<const Stmt *> &Out) {
      for (const Stmt *Child : S.children())
        if (Child && !isa<LambdaExpr>(Child))
          Out.push_back(Child);
        else if (const auto *Lambda = dyn_cast_or_null<LambdaExpr>(Child))
          for (const Expr *Init : Lambda->capture_inits())
            if (Init)
              Out.push_back(Init);
    };
    walkStatements(Body, Enter, Leave, Children);
  }

  /// The work a caller hands to \p Callee, a helper that detaches it as
  /// \p Inner says: named after the helper, noted where the helper detaches.
  static Work handedTo(const CallExpr &Call, const FunctionDecl &Callee,
                       const Work &Inner) {
    Work W{&Call, model::callableName(Callee)};
    W.Elsewhere = Inner.Elsewhere;
    W.ByHelper = Inner.ByHelper;
    if (!W.ByHelper && Inner.Start)
      W.ByHelper = HelperDetach{W.Name, Inner.Name, Inner.Start->getExprLoc()};
    return W;
  }

  /// Arguments bound to parameters that work detached by the callee refers
  /// to, or that the callee detaches as work: the callee returns, the work
  /// goes on with them.
  void checkPassedArguments(const CallExpr &Call) {
    const FunctionDecl *Callee = Call.getDirectCallee();
    if (!Callee || isa<CXXOperatorCallExpr>(Call))
      return;
    auto It = Check.DetachedParams.find(Callee->getCanonicalDecl());
    if (It == Check.DetachedParams.end())
      return;
    // A call the model knows as a handoff is judged as one (checkCall);
    // the helper hands back a task or future of the work that the caller
    // waits for, or keeps to wait for later.
    if (model::handoff(Call, Model) || Joins.isResultWaited(Parents) ||
        ((Model.isTaskType(Call.getType()) ||
          Model.isAwaitableType(Call.getType())) &&
         isHandleUsed(Call)))
      return;
    // Copied: a passed argument of our own may add to the map.
    llvm::SmallVector<DetachedParam, 1> Params(It->second);
    for (const DetachedParam &Param : Params) {
      if (Param.Index >= Call.getNumArgs() ||
          Param.Index >= Callee->getNumParams())
        continue;
      // The caller runs the executor it passed: the work is done by then.
      if (Param.ExecutorIndex && *Param.ExecutorIndex < Call.getNumArgs() &&
          Joins.isJoined(Call.getArg(*Param.ExecutorIndex)))
        continue;
      const Expr &Arg = *Call.getArg(Param.Index);
      const ParmVarDecl &Decl = *Callee->getParamDecl(Param.Index);
      if (Param.Callable) {
        checkWorkArgument(Arg, handedTo(Call, *Callee, Param.Detached));
        continue;
      }
      std::optional<model::BoundReferent> Referent =
          model::boundReferent(Arg, Decl.getType(), Model);
      if (!Referent)
        continue;
      std::string Passed =
          ("it is passed to '" + model::callableName(*Callee) + "' as '" +
           Decl.getName() + "', and there " + Param.How)
              .str();
      if (!Referent->Temporary) {
        checkReferent(*Referent->Object, Param.Detached, Arg.getBeginLoc(),
                      Passed);
        continue;
      }
      if (!Check.reportOnce(Arg.getBeginLoc()))
        continue;
      Check.diag(Arg.getBeginLoc(),
                 "a temporary is passed to '%0' as '%1', and there %2 work "
                 "detached by '%3'; the temporary is destroyed at the end of "
                 "the statement; pass an object that outlives the work, or "
                 "make the work own a copy")
          << model::callableName(*Callee) << Decl.getName() << Param.How
          << Param.Detached.Name;
      noteDetached(Param.Detached);
    }
  }

  void checkCall(const CallExpr &Call) {
    if (const FunctionDecl *Callee = Call.getDirectCallee();
        Callee &&
        llvm::any_of(Callee->parameters(), [&](const ParmVarDecl *Param) {
          return Model.isReferenceLike(Param->getType()) ||
                 isCallableObject(Param->getType());
        })) {
      Check.Passers.insert({&Function, Parents.front()});
      if (!Callee->hasBody())
        checkCallElsewhere(Call, *Callee);
    }
    // thread.detach(): the thread's callable and arguments outlive us.
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call)) {
      const CXXMethodDecl *Method = Member->getMethodDecl();
      if (Method && Method->getIdentifier() &&
          Model.isDetachMember(Method->getName()) &&
          Model.isThreadType(Member->getImplicitObjectArgument()->getType())) {
        checkThread(*Member);
        return;
      }
    }
    std::optional<model::Handoff> Handoff = model::handoff(Call, Model);
    if (!Handoff)
      return;
    // A continuation's object is its antecedent, not an executor: waiting
    // for the antecedent does not wait for the continuation.
    // Work handed to an executor no table names may be waited for through
    // the handle the call returns, wherever that handle goes.
    if (!Handoff->Detached && Model.inferredScheduling(Call) &&
        isHandleUsed(Call))
      return;
    if ((!Handoff->Detached && Joins.isResultWaited(Parents)) ||
        (Handoff->Kind != model::HandoffKind::Continuation &&
         Joins.isSubjectJoined(Call)))
      return;
    Work W{&Call, model::callKeys(Call).front()};
    if (Handoff->Kind == model::HandoffKind::CompletionHandler)
      W.Canceller = localObject(model::callSubject(Call));
    else if (Handoff->Kind == model::HandoffKind::Handler)
      W.Canceller = executorGuard(Call);
    // The context object is no reference of the work: the library tracks
    // its destruction and cancels the work then.
    const Expr *Context = nullptr;
    if (Handoff->Context) {
      Context = Call.getArg(*Handoff->Context);
      W.Canceller = localObject(Context);
      W.CancellerIsContext = true;
    }
    for (const Expr *Arg : Handoff->work(Call))
      if (Arg != Context)
        checkWorkArgument(*Arg, W);
  }

  /// Whether \p Written, a callable argument, is a lambda (written there or
  /// in a local's initializer) that captures something by reference or
  /// 'this'.
  static bool refersToCaller(const Expr *Written) {
    if (const auto *Ref = dyn_cast_or_null<DeclRefExpr>(Written))
      if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
          Var && Var->isLocalVarDecl() && Var->getInit())
        Written = model::writtenExpr(Var->getInit());
    const auto *Lambda = dyn_cast_or_null<LambdaExpr>(Written);
    return Lambda &&
           llvm::any_of(Lambda->captures(), [](const LambdaCapture &Capture) {
             return Capture.capturesThis() ||
                    Capture.getCaptureKind() == LCK_ByRef;
           });
  }

  /// A call to a function of another file with reference or callable
  /// parameters: what the project index knows about them is judged at the
  /// end of the TU; the summary names the callee when the call passes it a
  /// local, a temporary, a parameter or a lambda that refers to the caller,
  /// so that this file is judged again once the index knows about the
  /// callee.
  void checkCallElsewhere(const CallExpr &Call, const FunctionDecl &Callee) {
    Check.addIndexedParams(Callee);
    model::SummaryRecorder *Recorder = model::activeSummaryRecorder();
    const SourceManager &SM = Ctx.getSourceManager();
    if (!Recorder ||
        SM.isInSystemHeader(SM.getExpansionLoc(Callee.getLocation())))
      return;
    bool PassesLocal = false;
    llvm::SmallVector<model::SummaryRecorder::PassedParameter, 2> PassedOn;
    llvm::SmallVector<unsigned, 2> Joined;
    for (unsigned I = 0; I < Call.getNumArgs() && I < Callee.getNumParams();
         ++I) {
      const ParmVarDecl &Param = *Callee.getParamDecl(I);
      if (isCallableObject(Param.getType())) {
        const Expr *Written = model::writtenExpr(Call.getArg(I));
        const auto *Own =
            dyn_cast_or_null<ParmVarDecl>(model::referencedDecl(Written));
        if (Own && Own->getDeclContext() == &Function &&
            isCallableObject(Own->getType()))
          PassedOn.push_back(
              {Own->getFunctionScopeIndex(), I, Param.getNameAsString()});
        else if (refersToCaller(Written))
          PassesLocal = true;
        continue;
      }
      if (!Model.isReferenceLike(Param.getType()))
        continue;
      if (Joins.isJoined(Call.getArg(I)))
        Joined.push_back(I);
      std::optional<model::BoundReferent> Referent =
          model::boundReferent(*Call.getArg(I), Param.getType(), Model);
      if (!Referent)
        continue;
      const Expr *Object = Referent->Object->IgnoreParenImpCasts();
      const auto *Own =
          dyn_cast_or_null<ParmVarDecl>(model::referencedDecl(Object));
      if (Referent->Temporary || model::localOwner(Object))
        PassesLocal = true;
      else if (Own && Own->getDeclContext() == &Function &&
               Own->getType()->isReferenceType())
        PassedOn.push_back(
            {Own->getFunctionScopeIndex(), I, Param.getNameAsString()});
    }
    if (PassesLocal || !PassedOn.empty())
      Recorder->addParameterCallee(Callee);
    // Passing its own parameter on makes this function such a helper too,
    // once the index knows the callee's parameters.
    if (!PassedOn.empty() && passesOnParameters())
      Recorder->addParameterCall(Check.getID(), Function, Callee, PassedOn,
                                 Joined, Call, Model, SM);
  }

  /// Whether callers of this function see the work its reference
  /// parameters are passed on to: not when it is a coroutine or a lambda.
  bool passesOnParameters() const {
    if (model::isCoroutine(Function))
      return false;
    const auto *Method = dyn_cast<CXXMethodDecl>(&Function);
    return !Method || !Method->getParent()->isLambda();
  }

  /// Whether the function uses the handle \p Call returns: passes it to a
  /// call, awaits it, or keeps it in a variable it refers to again. A
  /// handle returned at once or dropped is no such use.
  bool isHandleUsed(const CallExpr &Call) const {
    const Stmt *Parent = model::Joins::writtenParent(Parents);
    if (Call.getType()->isVoidType() || !Parent ||
        isa<CompoundStmt, ReturnStmt, CoreturnStmt>(Parent) ||
        (isa<ExplicitCastExpr>(Parent) &&
         cast<ExplicitCastExpr>(Parent)->getType()->isVoidType()))
      return false;
    const auto *Decls = dyn_cast<DeclStmt>(Parent);
    if (!Decls)
      return true;
    bool Used = false;
    // Parents starts at the body being scanned.
    walkStatements(*Parents.front(),
                   [&](const Stmt &S, const Stmt *Outer) {
                     const auto *Ref = dyn_cast<DeclRefExpr>(&S);
                     if (Ref && llvm::is_contained(Decls->decls(),
                                                   Ref->getDecl()) &&
                         !(Outer && isa<ExplicitCastExpr>(Outer) &&
                           cast<ExplicitCastExpr>(Outer)
                               ->getType()
                               ->isVoidType())) {
                       Used = true;
                       return WalkAction::Stop;
                     }
                     return WalkAction::Descend;
                   });
    return Used;
  }

  /// The last-declared local that ends the executor \p Call hands work to
  /// when it is destroyed: the executor object itself, or a guard built
  /// from it ('executor_shutdowner shutdown(executor)'), either with a
  /// destructor of its own, which joins or drops the pending work.
  const VarDecl *executorGuard(const CallExpr &Call) const {
    const ValueDecl *Executor =
        model::referencedDecl(model::callSubject(Call));
    if (!Executor)
      return nullptr;
    const VarDecl *Latest = nullptr;
    const SourceManager &SM = Ctx.getSourceManager();
    for (const auto &Entry : ScopeEnd) {
      const VarDecl *Var = Entry.first;
      const CXXRecordDecl *Class = Var->getType()->getAsCXXRecordDecl();
      if (!Class || !Class->hasDefinition() || !Class->getDestructor() ||
          !Class->getDestructor()->isUserProvided())
        continue;
      bool Guards = Var == Executor;
      if (const auto *Construct = dyn_cast_or_null<CXXConstructExpr>(
              Var->getInit() ? Var->getInit()->IgnoreImplicit() : nullptr))
        for (const Expr *Arg : Construct->arguments())
          Guards = Guards || model::referencedDecl(model::writtenExpr(Arg)) ==
                                 Executor;
      if (Guards && (!Latest || SM.isBeforeInTranslationUnit(
                                    Latest->getLocation(), Var->getLocation())))
        Latest = Var;
    }
    return Latest;
  }

  /// The local object an expression names or takes the address of
  /// ('timer', '&guard'); null for references, pointers and non-locals,
  /// whose end is not the object's.
  static const VarDecl *localObject(const Expr *E) {
    if (!E)
      return nullptr;
    if (const auto *Unary = dyn_cast<UnaryOperator>(E->IgnoreParenImpCasts());
        Unary && Unary->getOpcode() == UO_AddrOf)
      E = Unary->getSubExpr();
    const auto *Var = dyn_cast_or_null<VarDecl>(model::referencedDecl(E));
    if (!Var || !Var->hasLocalStorage() || Var->getType()->isReferenceType() ||
        Var->getType()->isPointerType())
      return nullptr;
    return Var;
  }

  void checkThread(const CXXMemberCallExpr &Detach) {
    const Expr *Object =
        Detach.getImplicitObjectArgument()->IgnoreImplicit()->IgnoreParens();
    if (const auto *Cast = dyn_cast<CXXFunctionalCastExpr>(Object))
      Object = Cast->getSubExpr()->IgnoreImplicit();
    const CXXConstructExpr *Construct = dyn_cast<CXXConstructExpr>(Object);
    if (const auto *Ref = dyn_cast<DeclRefExpr>(Object))
      if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl()))
        if (Var->getInit())
          Construct =
              dyn_cast<CXXConstructExpr>(Var->getInit()->IgnoreImplicit());
    if (!Construct)
      return;
    Work W{&Detach, model::apiName(*Detach.getMethodDecl())};
    for (const Expr *Arg : Construct->arguments())
      checkWorkArgument(*Arg, W);
  }

  /// A function object whose constructor binds a reference or pointer
  /// member to its argument: every copy of the object, including the one in
  /// the work, still refers to what the argument names. Returns whether the
  /// constructor binds any.
  bool checkFunctionObject(const CXXConstructExpr &Construct, const Work &W) {
    const CXXConstructorDecl *Ctor = Construct.getConstructor();
    const CXXRecordDecl *Class = Ctor->getParent();
    if (!Ctor->hasBody() ||
        Ctx.getSourceManager().isInSystemHeader(Class->getLocation()))
      return false;
    bool Binds = false;
    for (const CXXCtorInitializer *Init : Ctor->inits()) {
      const FieldDecl *Field = Init->getMember();
      if (!Field || !Init->isWritten() ||
          !(Field->getType()->isReferenceType() ||
            Model.isReferenceLike(Field->getType())))
        continue;
      const Expr *Value = Init->getInit()->IgnoreImplicit();
      if (const auto *Unary = dyn_cast<UnaryOperator>(Value);
          Unary && Unary->getOpcode() == UO_AddrOf)
        Value = Unary->getSubExpr();
      const auto *Param =
          dyn_cast_or_null<ParmVarDecl>(model::referencedDecl(Value));
      if (!Param || Param->getFunctionScopeIndex() >= Construct.getNumArgs())
        continue;
      const Expr *Arg = Construct.getArg(Param->getFunctionScopeIndex());
      const Expr *Referent = Arg;
      if (const auto *Unary = dyn_cast<UnaryOperator>(Arg->IgnoreImplicit());
          Unary && Unary->getOpcode() == UO_AddrOf &&
          Param->getType()->isPointerType())
        Referent = Unary->getSubExpr();
      else if (!Param->getType()->isReferenceType())
        continue;
      Binds = true;
      checkReferent(*Referent, W, Arg->getBeginLoc(),
                    ("it is bound to member '" + Field->getName() +
                     "' of function object '" + Class->getName() +
                     "', whose copy is passed to")
                        .str());
    }
    return Binds;
  }

  /// An argument that becomes part of detached work.
  void checkWorkArgument(const Expr &Arg, const Work &W) {
    // The function's own callable parameter: its callers' callables are
    // the work.
    if (const auto *Param = dyn_cast_or_null<ParmVarDecl>(
            model::referencedDecl(model::writtenExpr(&Arg)));
        Param && isCallableObject(Param->getType()))
      return recordDetachedParam(*Param, W, "", /*Callable=*/true);
    if (const CXXConstructExpr *Object =
            model::functionObjectConstruction(&Arg))
      if (checkFunctionObject(*Object, W))
        return;
    const Expr *E = model::writtenExpr(&Arg);
    if (!E)
      return;
    if (const auto *Lambda = dyn_cast<LambdaExpr>(E))
      return checkLambda(*Lambda, W);
    if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
      if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl()))
        if (Var->isLocalVarDecl() && Var->getInit())
          if (const auto *Lambda =
                  dyn_cast<LambdaExpr>(model::writtenExpr(Var->getInit())))
            return checkLambda(*Lambda, W);
    if (const auto *Unary = dyn_cast<UnaryOperator>(E);
        Unary && Unary->getOpcode() == UO_AddrOf)
      return checkReferent(*Unary->getSubExpr(), W, Arg.getBeginLoc(),
                           "its address is passed to");
    const auto *Call = dyn_cast<CallExpr>(E);
    if (!Call)
      return;
    if (Model.isReferenceWrapperCall(*Call))
      return checkReferent(*Call->getArg(0), W, Arg.getBeginLoc(),
                           "a reference to it is passed to");
    if (Model.isCallableWrapper(*Call)) {
      // 'bind(&C::on_read, this, _1)' binds a raw 'this' unless another
      // bound argument keeps the object alive.
      bool OwnsThis = false;
      SourceLocation BoundThis;
      for (const Expr *Inner : Call->arguments()) {
        if (isa<CXXThisExpr>(Inner->IgnoreParenImpCasts()))
          BoundThis = Inner->getBeginLoc();
        else if (Model.isSharedPointer(Inner->getType()))
          OwnsThis = true;
        checkWorkArgument(*Inner, W);
      }
      if (BoundThis.isValid() && !OwnsThis)
        checkThisCapture(W, BoundThis, /*Bound=*/true);
      return;
    }
    // A coroutine call: its frame keeps the arguments of reference
    // parameters as references.
    const FunctionDecl *Coroutine = Call->getDirectCallee();
    if (!Coroutine || !Model.isTaskType(Call->getType()))
      return;
    for (unsigned I = 0;
         I < Call->getNumArgs() && I < Coroutine->getNumParams(); ++I) {
      const ParmVarDecl *Param = Coroutine->getParamDecl(I);
      if (Model.isReferenceLike(Param->getType()))
        checkBoundArgument(*Call->getArg(I), *Param, *Coroutine, W);
    }
  }

  void checkBoundArgument(const Expr &Arg, const ParmVarDecl &Param,
                          const FunctionDecl &Coroutine, const Work &W) {
    std::optional<model::BoundReferent> Referent =
        model::boundReferent(Arg, Param.getType(), Model);
    if (!Referent)
      return;
    if (Referent->Temporary) {
      if (!Check.reportOnce(Arg.getBeginLoc()))
        return;
      Check.diag(Arg.getBeginLoc(),
                 "a temporary is bound to parameter '%0' of coroutine '%1', "
                 "detached by '%2'; the temporary is destroyed at the end of "
                 "the statement while the coroutine still refers to it; make "
                 "the parameter a value")
          << Param.getName() << Coroutine.getName() << W.Name;
      noteDetached(W);
      return;
    }
    checkReferent(*Referent->Object, W, Arg.getBeginLoc(),
                  "it is bound to parameter '" + Param.getNameAsString() +
                      "' of coroutine '" + Coroutine.getNameAsString() +
                      "', whose frame keeps it in");
  }

  void checkLambda(const LambdaExpr &Lambda, const Work &W) {
    // Waiting for the work's last signal joins it: locals that die after
    // the wait outlive the work.
    SourceLocation OuterJoin = SignalJoin;
    const LambdaExpr *OuterWork = CurrentWork;
    CurrentWork = &Lambda;
    SignalJoin = Joins.signalWait(Lambda, W.Start->getBeginLoc());
    if (const auto *Call = dyn_cast<CallExpr>(W.Start);
        Call && SignalJoin.isInvalid())
      SignalJoin = Joins.orderedQueueJoin(*Call, Parents);
    bool OwnsThis = false;
    SourceLocation ThisCapture;
    for (const LambdaCapture &Capture : Lambda.captures()) {
      if (Capture.capturesThis()) {
        ThisCapture = Capture.getLocation();
        continue;
      }
      if (!Capture.capturesVariable())
        continue;
      const auto *Var = dyn_cast<VarDecl>(Capture.getCapturedVar());
      if (!Var)
        continue;
      if (Capture.getCaptureKind() == LCK_ByRef) {
        checkVariable(*Var, W, Capture.getLocation(),
                      "it is captured by reference in");
        continue;
      }
      if (Var->isInitCapture() && Var->getInit()) {
        if (Model.isSharedPointer(Var->getType()))
          OwnsThis = true;
        checkWorkArgument(*Var->getInit(), W);
        continue;
      }
      if (Model.isSharedPointer(Var->getType()))
        OwnsThis = true;
      // A copy of the function's own callable parameter: the callers'
      // callables run in the work.
      if (const auto *Param = dyn_cast<ParmVarDecl>(Var);
          Param && isCallableObject(Param->getType()))
        recordDetachedParam(*Param, W, "", /*Callable=*/true);
      checkRequestScopedCopy(*Var, W, Capture.getLocation());
    }
    if (ThisCapture.isValid() && !OwnsThis)
      checkThisCapture(W, ThisCapture);
    SignalJoin = OuterJoin;
    CurrentWork = OuterWork;
  }

  bool isRequestScoped(QualType T) const {
    T = T.getNonReferenceType();
    if (T->isPointerType())
      T = T->getPointeeType();
    const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
    return RD && RD->getIdentifier() &&
           Check.RequestScopedTypes.matches(model::apiName(*RD));
  }

  /// A pointer or reference-like copy to a request-scoped object.
  void checkRequestScopedCopy(const VarDecl &Var, const Work &W,
                              SourceLocation Where) {
    if (!Var.getType()->isPointerType() || !isRequestScoped(Var.getType()))
      return;
    reportUnowned(Var, W, Where, "a pointer to it is copied into");
  }

  void checkThisCapture(const Work &W, SourceLocation Where,
                        bool Bound = false) {
    const CXXMethodDecl *Method = model::thisOwner(Function);
    if (!Method)
      return;
    const CXXRecordDecl *Class = Method->getParent();
    bool Shared = Model.isSharedOwned(*Class);
    if (!Shared && !(Class->getIdentifier() &&
                     Check.RequestScopedTypes.matches(model::apiName(*Class))))
      return;
    // An object that ends itself with 'delete this' from its own handlers
    // lives exactly as long as the work that refers to it.
    if (!Shared && model::deletesItself(*Class))
      return;
    if (!Check.reportOnce(Where))
      return;
    StringRef SharedSelf = model::adviceName(model::AdviceName::SharedSelf);
    Check.diag(Where, "'this' is %4 in work detached by '%0', but "
                      "'%1' %2; %5 %3 so the object lives until the "
                      "work has run")
        << W.Name << Class->getName()
        << (Shared ? "is owned by a shared_ptr"
                   : "lives only as long as its request")
        << (Shared ? ((Bound ? "'" : "'self = ") + SharedSelf + "'").str()
                   : std::string("the data by value"))
        << (Bound ? "bound" : "captured") << (Bound ? "bind" : "capture");
    noteDetached(W);
  }

  /// An expression naming the object that detached work refers to.
  void checkReferent(const Expr &E, const Work &W, SourceLocation Where,
                     StringRef How) {
    const Expr *Inner = E.IgnoreParenImpCasts();
    if (const auto *Ref = dyn_cast<DeclRefExpr>(Inner)) {
      if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl()))
        checkVariable(*Var, W, Where, How);
      return;
    }
    // A member or element of a local ('req.path') dies with it.
    if (const VarDecl *Owner = model::localOwner(Inner)) {
      checkVariable(*Owner, W, Where, How);
      return;
    }
    // A member of *this: dangling when the object is shared-owned.
    if (const auto *Member = dyn_cast<MemberExpr>(Inner))
      if (isa<CXXThisExpr>(Member->getBase()->IgnoreParenImpCasts()))
        if (const CXXMethodDecl *Method = model::thisOwner(Function))
          if (Model.isSharedOwned(*Method->getParent()) &&
              Check.reportOnce(Where)) {
            Check.diag(Where, "member '%0' is referred to by work detached "
                              "by '%1', but '%2' is owned by a shared_ptr "
                              "that the work does not hold; copy the member "
                              "or keep '%3' alive")
                << Member->getMemberDecl()->getName() << W.Name
                << Method->getParent()->getName()
                << model::adviceName(model::AdviceName::SharedSelf);
            noteDetached(W);
          }
  }

  /// A variable that detached work refers to (by reference or address).
  void checkVariable(const VarDecl &Var, const Work &W, SourceLocation Where,
                     StringRef How) {
    if (!Var.hasLocalStorage())
      return; // globals, statics, thread_locals outlive the work
    // The I/O object of a completion handler or the context object of the
    // work is a local declared after the variable: it dies first, and its
    // destruction cancels the work before the variable is gone.
    if (W.Canceller && ((W.CancellerIsContext && &Var == W.Canceller) ||
                        Ctx.getSourceManager().isBeforeInTranslationUnit(
                            Var.getLocation(), W.Canceller->getLocation())))
      return;
    if (Var.getType()->isReferenceType()) {
      // Someone else owns it; suspect only request-scoped objects, and
      // the callers' arguments to our own reference parameters.
      if (isRequestScoped(Var.getType()))
        reportUnowned(Var, W, Where, How);
      else if (const auto *Param = dyn_cast<ParmVarDecl>(&Var))
        recordDetachedParam(*Param, W, How);
      return;
    }
    SourceLocation End = ScopeEnd.lookup(&Var);
    if (End.isInvalid() && CurrentWork &&
        model::joinedByEnclosingFunction(Function, Var, *CurrentWork, Model))
      return;
    if (End.isInvalid())
      End = FunctionEnd;
    if (SignalJoin.isValid() &&
        Ctx.getSourceManager().isBeforeInTranslationUnit(SignalJoin, End))
      return;
    if (!Check.reportOnce(Where))
      return;
    Check.diag(Where, "'%0' is destroyed when its scope ends, but %1 work "
                      "detached by '%2'; copy or move it into the work, or "
                      "share its ownership")
        << Var.getName() << How << W.Name;
    noteDetached(W);
    Check.diag(Var.getLocation(), "'%0' is declared here", DiagnosticIDs::Note)
        << Var.getName();
    Check.diag(End, "'%0' is destroyed here", DiagnosticIDs::Note)
        << Var.getName();
  }

  /// The index of the parameter of this function that names the executor
  /// \p W runs on, if one does.
  std::optional<unsigned> executorParam(const Work &W) const {
    // Work handed to a helper: the helper's call has no executor of its own.
    if (W.Elsewhere || W.ByHelper)
      return std::nullopt;
    const auto *Start = dyn_cast_or_null<CallExpr>(W.Start);
    const auto *Param = dyn_cast_or_null<ParmVarDecl>(
        Start ? model::referencedDecl(model::callSubject(*Start)) : nullptr);
    if (!Param || Param->getDeclContext() != &Function)
      return std::nullopt;
    return Param->getFunctionScopeIndex();
  }

  /// Work detached here refers to the caller's argument for \p Param,
  /// unless the function waits for the work before it returns.
  void recordDetachedParam(const ParmVarDecl &Param, const Work &W,
                           StringRef How, bool Callable = false) {
    if (Param.getDeclContext() != &Function || !passesOnParameters())
      return;
    // A function that returns something may hand back the work with it (a
    // continuation's future, a task): its callers decide. One that returns
    // nothing drops the work.
    if (Callable && !Function.getReturnType()->isVoidType())
      return;
    if (SignalJoin.isValid() &&
        Ctx.getSourceManager().isBeforeInTranslationUnit(SignalJoin,
                                                         FunctionEnd))
      return;
    auto &Params = Check.DetachedParams[Function.getCanonicalDecl()];
    if (llvm::none_of(Params, [&](const DetachedParam &Known) {
          return Known.Index == Param.getFunctionScopeIndex();
        }))
      Params.push_back({Param.getFunctionScopeIndex(), W, How.str(),
                        executorParam(W), Callable});
  }

  void reportUnowned(const VarDecl &Var, const Work &W, SourceLocation Where,
                     StringRef How) {
    if (!Check.reportOnce(Where))
      return;
    Check.diag(Where, "'%0' refers to a request-scoped '%1' owned elsewhere, "
                      "and %2 work detached by '%3'; the request may end "
                      "first; copy what the work needs or share ownership")
        << Var.getName()
        << model::typeName(Var.getType()->isPointerType()
                               ? Var.getType()->getPointeeType()
                               : Var.getType().getNonReferenceType(),
                           Ctx)
        << How << W.Name;
    noteDetached(W);
  }

  void noteDetached(const Work &W) {
    if (W.Start) {
      Check.diag(W.Start->getExprLoc(), "the work is detached here",
                 DiagnosticIDs::Note);
      if (const auto *Start = dyn_cast<CallExpr>(W.Start))
        Check.noteInferred(Model.inferredScheduling(*Start));
    }
    if (W.ByHelper)
      Check.diag(W.ByHelper->Loc, "'%0' detaches it here with '%1'",
                 DiagnosticIDs::Note)
          << W.ByHelper->Helper << W.ByHelper->Call;
    if (W.Elsewhere) {
      const model::CrossFileStep &Step = *W.Elsewhere;
      Check.diag(crossFileLocation(Ctx.getSourceManager(), Step.File, Step.Line,
                                   Step.Column),
                 "'%0' in %1 detaches the work here", DiagnosticIDs::Note)
          << Step.Function << crossFilePlace(Step.File, Step.Line);
    }
  }

  DetachedDanglingReferenceCheck &Check;
  const model::AsyncModel &Model;
  const FunctionDecl &Function;
  ASTContext &Ctx;
  SourceLocation FunctionEnd;
  llvm::SmallVector<const Stmt *, 32> Parents;
  llvm::DenseMap<const VarDecl *, SourceLocation> ScopeEnd;
  model::Joins Joins;
  // Where the function waits for the signal of the lambda being checked.
  SourceLocation SignalJoin;
  // The lambda being checked as work.
  const LambdaExpr *CurrentWork = nullptr;
  bool PassedArguments;
};

void DetachedDanglingReferenceCheck::checkBody(const FunctionDecl &Function,
                                               const Stmt &Body, bool,
                                               ASTContext &Context) {
  Ctx = &Context;
  FunctionScan(*this, Function, Body, Context).run(Body);
}

void DetachedDanglingReferenceCheck::onEndOfTranslationUnit() {
  if (!Ctx)
    return;
  // A caller that passes its own reference parameter on becomes such a
  // helper itself; a few rounds find helpers of helpers in any order.
  auto Known = [this] {
    size_t Count = 0;
    for (const auto &Entry : DetachedParams)
      Count += Entry.second.size();
    return Count;
  };
  for (unsigned Round = 0; Round < 3 && !DetachedParams.empty(); ++Round) {
    size_t Before = Known();
    for (const auto &[Function, Body] : Passers)
      FunctionScan(*this, *Function, *Body, *Ctx, /*PassedArguments=*/true)
          .run(*Body);
    if (Known() == Before)
      break;
  }
  // What other files need to judge their calls to this file's helpers.
  if (model::SummaryRecorder *Recorder = model::activeSummaryRecorder())
    for (const auto &[Function, Params] : DetachedParams)
      for (const DetachedParam &Param : Params)
        if (Param.Detached.Start)
          Recorder->addParameterEffect(getID(), *Function, Param.Index,
                                       Param.ExecutorIndex, Param.Callable,
                                       Param.How, Param.Detached.Name,
                                       Param.Detached.Start->getExprLoc(),
                                       model(), Ctx->getSourceManager());
}

} // namespace clang::tidy::async

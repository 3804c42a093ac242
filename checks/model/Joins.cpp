//===--- Joins.cpp --------------------------------------------------------===//

#include "Joins.h"
#include "AstHelpers.h"
#include "Handoff.h"
#include "StmtWalk.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"

namespace clang::tidy::async::model {

/// The object whose event loop \p Call runs or quits: the object of a member
/// call, or for a static member (QCoreApplication::exec) the application,
/// which the translation unit stands for.
static const Decl *eventLoopOf(const CallExpr &Call) {
  if (const auto *Method =
          dyn_cast_or_null<CXXMethodDecl>(Call.getDirectCallee());
      Method && Method->isStatic())
    return Method->getTranslationUnitDecl();
  return referencedDecl(callObject(Call));
}

/// Whether \p Member waits until the work started on its object is done: a
/// join member ('join', 'get') or a wait of the blocking-wait tables that
/// waits for completion ('QFuture::waitForFinished',
/// 'QThreadPool::waitForDone'). Arguments left to their defaults are no
/// arguments; a written one (a timeout, an index) waits for less.
static bool isJoinCall(const CXXMemberCallExpr &Member,
                       const AsyncModel &Model) {
  const CXXMethodDecl *Method = Member.getMethodDecl();
  if (!Method || !Method->getIdentifier() ||
      llvm::any_of(Member.arguments(), [](const Expr *Arg) {
        return !isa<CXXDefaultArgExpr>(Arg);
      }))
    return false;
  if (Model.isJoinMember(Method->getName()))
    return true;
  if (!Model.mayBeBlockingWait(Method->getName()))
    return false;
  const BlockingWaitApi *Wait = Model.blockingWait(Member);
  return Wait &&
         (Wait->Kind == WaitKind::Result || Wait->Kind == WaitKind::Wait);
}

Joins::Joins(const Stmt &Body, const AsyncModel &Model) : Model(Model) {
  llvm::SmallVector<const Stmt *, 32> Ancestors;
  auto Enter = [&](const Stmt &S, const Stmt *) {
    if (isa<LambdaExpr>(S))
      return WalkAction::Skip;
    Ancestors.push_back(&S);
    if (const auto *Call = dyn_cast<CallExpr>(&S);
        Call && Model.isEventLoopRun(*Call))
      addLoopRun(*Call, Ancestors);
    // Joins take no arguments: 'group.run(f)' starts work, 'ioc.run()'
    // waits.
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&S))
      if (const CXXMethodDecl *Method = Member->getMethodDecl();
          Method && Method->getIdentifier()) {
        bool Join = isJoinCall(*Member, Model);
        if (Join)
          if (const ValueDecl *Object =
                  referencedDecl(Member->getImplicitObjectArgument()))
            Joined.insert(Object);
        if (Join || Model.isConditionWait(Method->getName()))
          addWait(Member->getImplicitObjectArgument(), Member->getBeginLoc());
      }
    if (const auto *Await = dyn_cast<CoawaitExpr>(&S);
        Await && !Await->isImplicit())
      addWait(Await->getOperand(), Await->getBeginLoc(), /*Awaited=*/true);
    // A loop on a flag waits for whoever raises it.
    const Expr *Condition = nullptr;
    if (const auto *While = dyn_cast<WhileStmt>(&S))
      Condition = While->getCond();
    else if (const auto *Do = dyn_cast<DoStmt>(&S))
      Condition = Do->getCond();
    if (Condition)
      walkStatements(*Condition, [&](const Stmt &Part, const Stmt *) {
        if (const auto *Ref = dyn_cast<DeclRefExpr>(&Part))
          addWait(Ref, Condition->getBeginLoc());
        return WalkAction::Descend;
      });
    return WalkAction::Descend;
  };
  auto Leave = [&](const Stmt &) { Ancestors.pop_back(); };
  walkStatements(Body, Enter, Leave, childrenOf);
}

void Joins::addLoopRun(const CallExpr &Run,
                       llvm::ArrayRef<const Stmt *> Ancestors) {
  const Decl *Loop = eventLoopOf(Run);
  if (!Loop)
    return;
  // The run follows work started in the nearest block around it, unless
  // a branch or a loop lies in between ('if (ok) loop.exec();').
  for (size_t I = Ancestors.size() - 1; I-- > 0;) {
    const Stmt *S = Ancestors[I];
    if (const auto *Block = dyn_cast<CompoundStmt>(S)) {
      Waits.push_back({Loop, Run.getBeginLoc(), Block->getSourceRange()});
      return;
    }
    if (isa<IfStmt, SwitchStmt, SwitchCase, WhileStmt, DoStmt, ForStmt,
            CXXForRangeStmt, AbstractConditionalOperator>(S))
      return;
    if (const auto *Logical = dyn_cast<BinaryOperator>(S);
        Logical && Logical->isLogicalOp())
      return;
  }
}

/// The object an awaited wrapper is made from: 'f' in 'qCoro(f)' and
/// 'qCoro(p.future()).takeResult()'. A function that takes an object and
/// returns a class awaited here (or whose member is) awaits that object.
static const ValueDecl *wrappedObject(const Expr *Awaited) {
  const Expr *E = Awaited;
  while (E) {
    E = E->IgnoreImplicit()->IgnoreParens();
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(E)) {
      E = Member->getImplicitObjectArgument();
      continue;
    }
    const auto *Call = dyn_cast<CallExpr>(E);
    const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
    if (!Callee || isa<CXXMethodDecl>(Callee) || Call->getNumArgs() == 0 ||
        Callee->isInStdNamespace() || !Call->getType()->getAsCXXRecordDecl())
      return nullptr;
    return referencedDecl(Call->getArg(0));
  }
  return nullptr;
}

void Joins::addWait(const Expr *Object, SourceLocation Where, bool Awaited) {
  const ValueDecl *Waited = referencedDecl(Object);
  if (!Waited && Awaited)
    Waited = wrappedObject(Object);
  if (!Waited)
    return;
  Waits.push_back({Waited, Where, SourceRange()});
  // A future made by its promise ('f' of 'p.get_future()') waits on it.
  if (const auto *Var = dyn_cast<VarDecl>(Waited); Var && Var->getInit())
    if (const auto *Made =
            dyn_cast<CXXMemberCallExpr>(Var->getInit()->IgnoreImplicit()))
      if (const ValueDecl *Maker =
              referencedDecl(Made->getImplicitObjectArgument()))
        Waits.push_back({Maker, Where, SourceRange()});
}

/// The lambda a call runs at once: a local variable initialized with a
/// lambda, called ('work()').
static const LambdaExpr *calledLocalLambda(const Stmt &S) {
  const auto *Call = dyn_cast<CXXOperatorCallExpr>(&S);
  if (!Call || Call->getOperator() != OO_Call)
    return nullptr;
  const auto *Var = dyn_cast_or_null<VarDecl>(referencedDecl(Call->getArg(0)));
  if (!Var || !Var->isLocalVarDecl() || !Var->getInit())
    return nullptr;
  return dyn_cast_or_null<LambdaExpr>(writtenExpr(Var->getInit()));
}

Joins::WorkSignals Joins::workSignals(const LambdaExpr &Work,
                                      unsigned Depth) const {
  const SourceManager &SM =
      Work.getCallOperator()->getASTContext().getSourceManager();
  auto ByReference = [&Work](const ValueDecl *D) {
    return llvm::any_of(Work.captures(), [D](const LambdaCapture &C) {
      return C.capturesVariable() && C.getCapturedVar() == D &&
             C.getCaptureKind() == LCK_ByRef;
    });
  };
  WorkSignals Result;
  auto Use = [&](SourceLocation Where) {
    if (Result.LastUse.isInvalid() ||
        SM.isBeforeInTranslationUnit(Result.LastUse, Where))
      Result.LastUse = Where;
  };
  walkStatements(*Work.getBody(), [&](const Stmt &S, const Stmt *Parent) {
    if (Parent && isa<LambdaExpr>(S))
      return WalkAction::Skip;
    // A local lambda the work calls signals when the call does ('quit()'
    // one call deeper); a signal it follows with a use is no last act.
    if (const LambdaExpr *Called = calledLocalLambda(S); Called && Depth > 0) {
      WorkSignals Inner = workSignals(*Called, Depth - 1);
      for (const auto &[Object, SignalEnd] : Inner.Signals)
        if (Inner.LastUse.isInvalid() ||
            !SM.isBeforeInTranslationUnit(SignalEnd, Inner.LastUse))
          Result.Signals.push_back({Object, S.getEndLoc()});
      if (Inner.LastUse.isValid())
        Use(S.getBeginLoc());
    }
    if (const auto *Call = dyn_cast<CallExpr>(&S);
        Call && Model.isEventLoopQuit(*Call))
      if (const Decl *Loop = eventLoopOf(*Call))
        Result.Signals.push_back({Loop, S.getEndLoc()});
    const Expr *Signalled = nullptr;
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&S)) {
      const CXXMethodDecl *Method = Member->getMethodDecl();
      if (Method && Method->getIdentifier() &&
          Model.isSignalMember(Method->getName()))
        Signalled = Member->getImplicitObjectArgument();
    } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(&S)) {
      if (Op->isAssignmentOp())
        Signalled = Op->getArg(0);
    } else if (const auto *Assign = dyn_cast<BinaryOperator>(&S)) {
      if (Assign->isAssignmentOp())
        Signalled = Assign->getLHS();
    }
    if (const ValueDecl *Object = referencedDecl(Signalled))
      Result.Signals.push_back({Object, S.getEndLoc()});
    if (const auto *Ref = dyn_cast<DeclRefExpr>(&S))
      if (ByReference(Ref->getDecl()))
        Use(Ref->getLocation());
    return WalkAction::Descend;
  });
  return Result;
}

SourceLocation Joins::signalWait(const LambdaExpr &Work,
                                 SourceLocation Start) const {
  const SourceManager &SM =
      Work.getCallOperator()->getASTContext().getSourceManager();
  // What the work signals (the object, and where the signal ends), and the
  // last place it refers to a by-reference capture.
  WorkSignals Found = workSignals(Work, /*Depth=*/1);
  SourceLocation Earliest;
  for (const auto &[Object, SignalEnd] : Found.Signals) {
    // Work that goes on using its references after the signal races the
    // waiter that ends their lives.
    if (Found.LastUse.isValid() &&
        SM.isBeforeInTranslationUnit(SignalEnd, Found.LastUse))
      continue;
    for (const Wait &W : Waits)
      if (W.Object == Object && SM.isBeforeInTranslationUnit(Start, W.Where) &&
          (W.Within.isInvalid() ||
           SM.isBeforeInTranslationUnit(W.Within.getBegin(), Start)) &&
          (Earliest.isInvalid() ||
           SM.isBeforeInTranslationUnit(W.Where, Earliest)))
        Earliest = W.Where;
  }
  return Earliest;
}

/// The index in \p Ancestors of the nearest parent of Ancestors[Index] that
/// is not an implicit node or parentheses.
static std::optional<size_t>
writtenParentOf(llvm::ArrayRef<const Stmt *> Ancestors, size_t Index) {
  for (size_t I = Index; I-- > 0;) {
    if (isa<ExprWithCleanups, ImplicitCastExpr, MaterializeTemporaryExpr,
            CXXBindTemporaryExpr, ParenExpr>(Ancestors[I]))
      continue;
    return I;
  }
  return std::nullopt;
}

bool Joins::isResultWaited(llvm::ArrayRef<const Stmt *> Ancestors) const {
  std::optional<size_t> ParentIndex =
      writtenParentOf(Ancestors, Ancestors.size() - 1);
  // A continuation attached to the result ('a.then(f).then(g)') runs after
  // it, so waiting for the end of the chain waits for every link.
  while (ParentIndex && isa<MemberExpr>(Ancestors[*ParentIndex])) {
    std::optional<size_t> Outer = writtenParentOf(Ancestors, *ParentIndex);
    if (!Outer)
      break;
    const auto *Next = dyn_cast<CXXMemberCallExpr>(Ancestors[*Outer]);
    if (!Next || Next->getCallee()->IgnoreParens() != Ancestors[*ParentIndex] ||
        !Model.schedulingCall(*Next))
      break;
    ParentIndex = writtenParentOf(Ancestors, *Outer);
  }
  const Stmt *Parent = ParentIndex ? Ancestors[*ParentIndex] : nullptr;
  if (isa_and_nonnull<CoawaitExpr>(Parent))
    return true;
  if (const auto *Member = dyn_cast_or_null<MemberExpr>(Parent);
      Member && ParentIndex)
    if (std::optional<size_t> Outer = writtenParentOf(Ancestors, *ParentIndex))
      if (const auto *Call = dyn_cast<CXXMemberCallExpr>(Ancestors[*Outer]);
          Call && Call->getCallee()->IgnoreParens() == Member &&
          isJoinCall(*Call, Model))
        return true;
  if (const auto *Decls = dyn_cast_or_null<DeclStmt>(Parent))
    for (const Decl *D : Decls->decls())
      if (Joined.contains(dyn_cast<ValueDecl>(D)))
        return true;
  return false;
}

const Stmt *Joins::writtenParent(llvm::ArrayRef<const Stmt *> Ancestors) {
  if (Ancestors.empty())
    return nullptr;
  std::optional<size_t> Parent =
      writtenParentOf(Ancestors, Ancestors.size() - 1);
  return Parent ? Ancestors[*Parent] : nullptr;
}

bool Joins::isSubjectJoined(const CallExpr &Call) const {
  return isJoined(callSubject(Call));
}

bool Joins::isJoined(const Expr *Executor) const {
  // A pool passed by address ('QtConcurrent::run(&pool, f)').
  if (const auto *Address = dyn_cast_or_null<UnaryOperator>(
          Executor ? Executor->IgnoreParenImpCasts() : nullptr);
      Address && Address->getOpcode() == UO_AddrOf)
    Executor = Address->getSubExpr();
  const ValueDecl *Target = referencedDecl(Executor);
  return Target && Joined.contains(Target);
}

/// The context object of an ordered queueing call, or null.
static const ValueDecl *queueContext(const CallExpr &Call,
                                     const AsyncModel &Model) {
  if (!Model.isOrderedQueueing(Call))
    return nullptr;
  std::optional<Handoff> Queued = handoff(Call, Model);
  if (!Queued || !Queued->Context)
    return nullptr;
  const Expr *Context = Call.getArg(*Queued->Context)->IgnoreParenImpCasts();
  if (const auto *Address = dyn_cast<UnaryOperator>(Context);
      Address && Address->getOpcode() == UO_AddrOf)
    Context = Address->getSubExpr();
  return referencedDecl(Context);
}

SourceLocation
Joins::orderedQueueJoin(const CallExpr &Call,
                        llvm::ArrayRef<const Stmt *> Ancestors) const {
  const ValueDecl *Context = queueContext(Call, Model);
  if (!Context || Ancestors.size() < 2)
    return {};
  // The statements after the one that queues, in the nearest block.
  for (size_t I = Ancestors.size() - 1; I-- > 0;) {
    const auto *Block = dyn_cast<CompoundStmt>(Ancestors[I]);
    if (!Block)
      continue;
    auto Item = llvm::find(Block->body(), Ancestors[I + 1]);
    if (Item == Block->body_end())
      return {};
    for (++Item; Item != Block->body_end(); ++Item) {
      const auto *Statement = dyn_cast<Expr>(*Item);
      const auto *Later = dyn_cast_or_null<CallExpr>(
          Statement ? Statement->IgnoreImplicit() : nullptr);
      if (!Later || queueContext(*Later, Model) != Context)
        continue;
      for (const Expr *Arg : handoff(*Later, Model)->work(*Later))
        if (const LambdaExpr *Work = lambdaArgument(Arg))
          if (SourceLocation Join = signalWait(*Work, Later->getBeginLoc());
              Join.isValid())
            return Join;
    }
    return {};
  }
  return {};
}

/// The end of the block of \p Body that declares \p Var, or invalid.
static SourceLocation scopeEndIn(const Stmt &Body, const VarDecl &Var) {
  SourceLocation End;
  walkStatements(Body, [&](const Stmt &S, const Stmt *Parent) {
    if (Parent && isa<LambdaExpr>(S))
      return WalkAction::Skip;
    if (const auto *Block = dyn_cast<CompoundStmt>(&S))
      for (const Stmt *Item : Block->body())
        if (const auto *Decls = dyn_cast<DeclStmt>(Item);
            Decls && llvm::is_contained(Decls->decls(), &Var)) {
          End = Block->getRBracLoc();
          return WalkAction::Stop;
        }
    return WalkAction::Descend;
  });
  return End;
}

bool joinedByEnclosingFunction(const FunctionDecl &Function, const VarDecl &Var,
                               const LambdaExpr &Work,
                               const AsyncModel &Model) {
  const FunctionDecl *Inner = &Function;
  while (const auto *Method = dyn_cast<CXXMethodDecl>(Inner)) {
    const CXXRecordDecl *Closure = Method->getParent();
    const auto *Outer = dyn_cast<FunctionDecl>(Closure->getDeclContext());
    if (!Closure->isLambda() || !Outer || !Outer->hasBody())
      return false;
    if (Var.getDeclContext() != Outer) {
      Inner = Outer;
      continue;
    }
    const Stmt *Body = Outer->getBody();
    if (const auto *Coroutine = dyn_cast<CoroutineBodyStmt>(Body))
      Body = Coroutine->getBody();
    // The closure's location is where the lambda that hands off is written.
    SourceLocation Wait =
        Joins(*Body, Model).signalWait(Work, Closure->getLocation());
    SourceLocation End = scopeEndIn(*Body, Var);
    return Wait.isValid() && End.isValid() &&
           Outer->getASTContext().getSourceManager().isBeforeInTranslationUnit(
               Wait, End);
  }
  return false;
}

} // namespace clang::tidy::async::model

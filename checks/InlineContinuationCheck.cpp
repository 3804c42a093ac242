//===--- InlineContinuationCheck.cpp - async-inline-continuation ----------===//

#include "InlineContinuationCheck.h"
#include "checks/model/ApiNames.h"
#include "checks/model/AstHelpers.h"
#include "checks/model/AsyncContext.h"
#include "checks/model/ContextDescription.h"
#include "checks/model/HeldLocks.h"
#include "checks/model/Offload.h"
#include "checks/model/Primitives.h"
#include "checks/model/StmtWalk.h"
#include "checks/model/Summaries.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::async {

InlineContinuationCheck::InlineContinuationCheck(StringRef Name,
                                                 ClangTidyContext *Context)
    : AsyncModelCheck(Name, Context),
      ResumeExecutors(*this, "ResumeExecutors") {}

void InlineContinuationCheck::onStartOfTranslationUnit() {
  AsyncModelCheck::onStartOfTranslationUnit();
  Ctx = nullptr;
  Resumes.clear();
  ForeignCallbacks.clear();
  PostedByOption.clear();
  MovedObjects.clear();
  StoredHandles.clear();
  TableCompleterCalls.clear();
  MemberCalls.clear();
  WaiterClasses.clear();
  PrimitiveResumers.clear();
  AwaitCounts.clear();
  Callees.clear();
  CrossFileCalls.clear();
  ExternalCalls.clear();
}

bool InlineContinuationCheck::mayHoldWaiters(const CXXRecordDecl &Class) {
  auto [It, New] = WaiterClasses.try_emplace(Class.getCanonicalDecl(), false);
  if (New)
    It->second = model::mayHoldWaiters(Class, model());
  return It->second;
}

void InlineContinuationCheck::registerMatchers(MatchFinder *Finder) {
  Finder->addMatcher(
      callExpr(unless(isExpansionInSystemHeader()), callee(functionDecl()))
          .bind("call"),
      this);
  Finder->addMatcher(
      cxxConstructExpr(unless(isExpansionInSystemHeader())).bind("construct"),
      this);
  Finder->addMatcher(
      functionDecl(isDefinition(), unless(isExpansionInSystemHeader()))
          .bind("function"),
      this);
}

void InlineContinuationCheck::recordCallbacks(
    const Expr &Registration, const FunctionDecl &Callee,
    llvm::ArrayRef<const Expr *> Args) {
  bool Foreign = model().isCallbackRegistration(Callee);
  bool Posting = false;
  if (const auto *Call = dyn_cast<CallExpr>(&Registration))
    Posting = ResumeExecutors.matchesCall(*Call);
  if (!Foreign && !Posting)
    return;
  for (const Expr *Arg : Args)
    if (const LambdaExpr *Lambda = model::lambdaArgument(Arg)) {
      const FunctionDecl *Operator =
          Lambda->getCallOperator()->getCanonicalDecl();
      if (Posting)
        PostedByOption.insert(Operator);
      else
        ForeignCallbacks.try_emplace(Operator, &Registration);
    }
}

void InlineContinuationCheck::recordStoredHandles(const Stmt &Body) {
  walkStatements(Body, [&](const Stmt &S, const Stmt *) {
    const Expr *Target = nullptr;
    if (const auto *Assign = dyn_cast<BinaryOperator>(&S);
        Assign && Assign->isAssignmentOp())
      Target = Assign->getLHS();
    else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(&S);
             Op && Op->getOperator() == OO_Equal && Op->getNumArgs() == 2)
      Target = Op->getArg(0);
    if (Target)
      if (const auto *Member =
              dyn_cast<MemberExpr>(Target->IgnoreParenImpCasts()))
        if (const auto *Field = dyn_cast<FieldDecl>(Member->getMemberDecl()))
          if (model().isCoroutineHandle(Field->getType()))
            StoredHandles.insert(Field->getCanonicalDecl());
    return WalkAction::Descend;
  });
}

/// The classes a written co_await suspends on: the operand's and, after
/// operator co_await or await_transform, the awaiter's.
static llvm::SmallVector<const CXXRecordDecl *, 2>
awaiterClasses(const CoawaitExpr &Await) {
  llvm::SmallVector<const CXXRecordDecl *, 2> Classes;
  for (const Expr *E : {Await.getOperand(), Await.getCommonExpr()})
    if (E)
      if (const CXXRecordDecl *RD =
              E->getType().getNonReferenceType()->getAsCXXRecordDecl())
        if (!llvm::is_contained(Classes, RD->getCanonicalDecl()))
          Classes.push_back(RD->getCanonicalDecl());
  return Classes;
}

/// The co_await a statement consists of ('co_await a;', 'auto v = co_await
/// a;', 'v = co_await a;'), or null.
static const CoawaitExpr *statementAwait(const Stmt &S) {
  const Expr *E = dyn_cast<Expr>(&S);
  if (const auto *Decls = dyn_cast<DeclStmt>(&S);
      Decls && Decls->isSingleDecl())
    if (const auto *Var = dyn_cast<VarDecl>(Decls->getSingleDecl()))
      E = Var->getInit();
  if (!E)
    return nullptr;
  E = E->IgnoreImplicit()->IgnoreParens();
  if (const auto *Assign = dyn_cast<BinaryOperator>(E);
      Assign && Assign->isAssignmentOp())
    E = Assign->getRHS()->IgnoreImplicit()->IgnoreParens();
  const auto *Await = dyn_cast<CoawaitExpr>(E);
  return Await && !Await->isImplicit() ? Await : nullptr;
}

void InlineContinuationCheck::recordAwaits(const Stmt &CoroutineBody) {
  walkStatements(CoroutineBody, [&](const Stmt &S, const Stmt *Parent) {
    if (Parent && isa<LambdaExpr>(S))
      return WalkAction::Skip;
    if (const auto *Await = dyn_cast<CoawaitExpr>(&S);
        Await && !Await->isImplicit())
      for (const CXXRecordDecl *Class : awaiterClasses(*Await))
        ++AwaitCounts[Class].first;
    // Whatever resumes the coroutine inline there, it only runs the
    // switch, which hands the rest of the body to the executor.
    if (const auto *Block = dyn_cast<CompoundStmt>(&S))
      for (auto It = Block->body_begin(), End = Block->body_end();
           It != End && std::next(It) != End; ++It)
        if (const CoawaitExpr *Await = statementAwait(**It);
            Await && model::executorSwitch(**std::next(It), model()))
          for (const CXXRecordDecl *Class : awaiterClasses(*Await))
            ++AwaitCounts[Class].second;
    return WalkAction::Descend;
  });
}

bool InlineContinuationCheck::alwaysReposted(
    const CXXRecordDecl *Awaiter) const {
  if (!Awaiter)
    return false;
  auto It = AwaitCounts.find(Awaiter->getCanonicalDecl());
  return It != AwaitCounts.end() && It->second.first > 0 &&
         It->second.first == It->second.second;
}

void InlineContinuationCheck::check(const MatchFinder::MatchResult &Result) {
  Ctx = Result.Context;
  if (const auto *Construct =
          Result.Nodes.getNodeAs<CXXConstructExpr>("construct")) {
    recordCallbacks(*Construct, *Construct->getConstructor(),
                    {Construct->getArgs(), Construct->getNumArgs()});
    return;
  }
  if (const auto *Call = Result.Nodes.getNodeAs<CallExpr>("call")) {
    if (model().isResume(*Call))
      Resumes.push_back(Call);
    else if (model::resumesWaitersInline(*Call, model()))
      TableCompleterCalls.push_back(Call);
    else if (const auto *Method =
                 dyn_cast<CXXMethodDecl>(Call->getDirectCallee());
             Method && mayHoldWaiters(*Method->getParent()))
      MemberCalls.push_back(Call);
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call))
      if (const CXXMethodDecl *Method = Member->getMethodDecl();
          Method && Method->getIdentifier() &&
          model().isThreadMoveMember(Method->getName()))
        if (const ValueDecl *Moved =
                model::referencedDecl(Member->getImplicitObjectArgument()))
          MovedObjects.insert(Moved);
    if (const model::CrossFileEffect *Effect =
            Callees.lookup(*Call, getID(), model()))
      CrossFileCalls.emplace_back(Call, *Effect);
    else if (model::activeSummaryRecorder() &&
             !Call->getDirectCallee()->hasBody() &&
             !Result.SourceManager->isInSystemHeader(
                 Call->getDirectCallee()->getLocation()))
      ExternalCalls.push_back(Call);
    recordCallbacks(*Call, *Call->getDirectCallee(),
                    {Call->getArgs(), Call->getNumArgs()});
    return;
  }
  const auto *Function = Result.Nodes.getNodeAs<FunctionDecl>("function");
  // A defaulted or deleted definition, or one whose body was skipped.
  if (!Function->getBody())
    return;
  if (Function->getIdentifier() && Function->getName() == "await_suspend")
    recordStoredHandles(*Function->getBody());
  if (const auto *Coroutine =
          dyn_cast_or_null<CoroutineBodyStmt>(Function->getBody()))
    recordAwaits(*Coroutine->getBody());
  checkUnderLock(*Function);
}

void InlineContinuationCheck::checkUnderLock(const FunctionDecl &Function) {
  auto IsCompletion = [this](const Stmt &S) {
    const auto *Call = dyn_cast<CallExpr>(&S);
    return Call && (model().isResume(*Call) || model().isCompleter(*Call) ||
                    model::resumesWaitersInline(*Call, model()));
  };
  model::forEachEventUnderLock(Function.getBody(), model(), IsCompletion,
                               /*FirstOnly=*/false,
                               [&](const VarDecl &Lock, const Stmt &Event) {
                                 reportUnderLock(cast<CallExpr>(Event), Lock);
                               });
}

void InlineContinuationCheck::reportUnderLock(const CallExpr &Call,
                                              const VarDecl &Lock) {
  // A lock taken by co_await is a coroutine lock: whoever needs it again
  // suspends instead of blocking the thread.
  if (Lock.getInit() && isa<CoawaitExpr>(Lock.getInit()->IgnoreImplicit()))
    return;
  if (!reportOnce(Call.getExprLoc()))
    return;
  diag(Call.getExprLoc(),
       "'%0' is called while lock '%1' is held; the continuation of "
       "the waiter runs inline on this thread under the lock and "
       "deadlocks if it needs the same mutex; release the lock first, "
       "or post the completion to an executor")
      << model::callName(Call) << Lock.getName();
  diag(Lock.getLocation(), "'%0' is acquired here", DiagnosticIDs::Note)
      << Lock.getName();
  noteInferred(model().inferredCompleter(Call));
  noteInferred(model().inferredLock(Lock.getType()));
}

bool InlineContinuationCheck::runsOnForeignThread(
    const Expr &Registration) const {
  const auto *Call = dyn_cast<CallExpr>(&Registration);
  const Expr *Sender = Call ? model().signalSender(*Call) : nullptr;
  if (!Sender)
    return true;
  const ValueDecl *Object = model::referencedDecl(Sender);
  return model().isForeignThreadSender(Sender->IgnoreImpCasts()->getType()) ||
         (Object && MovedObjects.contains(Object));
}

std::string InlineContinuationCheck::registrarName(const Expr &Registration) {
  return isa<CXXConstructExpr>(Registration)
             ? model::canonicalTypeName(Registration.getType(), *Ctx)
             : model::callKeys(cast<CallExpr>(Registration)).front();
}

void InlineContinuationCheck::onEndOfTranslationUnit() {
  model::SummaryRecorder *Recorder = model::activeSummaryRecorder();
  // A summary needs this check's view of the calls only when the TU
  // completes primitives or hands callbacks to other subsystems, or when
  // no other check brought the calls.
  bool Record =
      Recorder && (!TableCompleterCalls.empty() ||
                   (!Resumes.empty() && !MemberCalls.empty()) ||
                   (!ExternalCalls.empty() && !ForeignCallbacks.empty()) ||
                   !Recorder->hasCalls());
  if ((Resumes.empty() && TableCompleterCalls.empty() &&
       CrossFileCalls.empty() && !Record) ||
      !Ctx)
    return;
  // Members of classes with waiters matter only where the TU resumes.
  if (Resumes.empty())
    MemberCalls.clear();
  std::vector<const Stmt *> Candidates(Resumes);
  Candidates.insert(Candidates.end(), TableCompleterCalls.begin(),
                    TableCompleterCalls.end());
  Candidates.insert(Candidates.end(), MemberCalls.begin(), MemberCalls.end());
  for (const auto &[Call, Effect] : CrossFileCalls)
    Candidates.push_back(Call);
  Candidates.insert(Candidates.end(), ExternalCalls.begin(),
                    ExternalCalls.end());
  model::AsyncContextIndex Index(*Ctx, model(), Candidates);
  for (const Stmt *S : Resumes) {
    const auto *Resume = cast<CallExpr>(S);
    for (const model::CandidateSite &Site : Index.sites(Resume))
      checkResume(*Resume, *Site.Callable, Index);
  }
  findPrimitiveResumers(Index);
  if (Record)
    recordSummary(Index);
  checkPrimitiveCalls(Index);
  for (const auto &[Call, Effect] : CrossFileCalls)
    for (const model::CandidateSite &Site : Index.sites(Call))
      reportPrimitiveCall(*Call, *Site.Callable, Index, &Effect);
}

/// The member function \p Callable is, or is written in (a lambda).
static const CXXMethodDecl *enclosingMember(const FunctionDecl &Callable) {
  const auto *Method = dyn_cast<CXXMethodDecl>(&Callable);
  while (Method && Method->getParent()->isLambda())
    Method = dyn_cast<CXXMethodDecl>(Method->getParent()->getDeclContext());
  return Method ? Method->getCanonicalDecl() : nullptr;
}

/// Whether two classes are sides of one primitive (its awaiter and itself).
static bool samePrimitive(const CXXRecordDecl &A, const CXXRecordDecl &B) {
  return model::awaiterBelongsTo(A, B) || model::awaiterBelongsTo(B, A);
}

void InlineContinuationCheck::findPrimitiveResumers(
    const model::AsyncContextIndex &Index) {
  // A member that calls a resuming member of its own primitive resumes too.
  bool Changed = !PrimitiveResumers.empty();
  while (Changed) {
    Changed = false;
    for (const Stmt *S : MemberCalls) {
      const FunctionDecl *Callee = cast<CallExpr>(S)->getDirectCallee();
      if (!PrimitiveResumers.contains(Callee->getCanonicalDecl()))
        continue;
      for (const model::CandidateSite &Site : Index.sites(S))
        if (const CXXMethodDecl *Member = enclosingMember(*Site.Callable))
          if (!PrimitiveResumers.contains(Member) &&
              samePrimitive(*cast<CXXMethodDecl>(Callee)->getParent(),
                            *Member->getParent())) {
            PrimitiveResumers.insert(Member);
            Changed = true;
          }
    }
  }
}

void InlineContinuationCheck::checkPrimitiveCalls(
    const model::AsyncContextIndex &Index) {
  llvm::DenseSet<const Stmt *> Inferred;
  llvm::SmallPtrSet<const FunctionDecl *, 8> Callers;
  auto Check = [&](const Stmt *S, bool ByTable) {
    const auto *Call = cast<CallExpr>(S);
    if (!ByTable && !PrimitiveResumers.contains(
                        Call->getDirectCallee()->getCanonicalDecl()))
      return;
    for (const model::CandidateSite &Site : Index.sites(S)) {
      reportPrimitiveCall(*Call, *Site.Callable, Index);
      if (!ByTable) {
        Inferred.insert(S);
        Callers.insert(Site.Callable);
      }
    }
  };
  for (const Stmt *S : TableCompleterCalls)
    Check(S, true);
  for (const Stmt *S : MemberCalls)
    Check(S, false);
  // Under a lock: the table's members were seen when their caller was; the
  // inferred ones are known only now.
  for (const FunctionDecl *Caller : Callers)
    model::forEachEventUnderLock(
        Caller->getBody(), model(),
        [&](const Stmt &S) { return Inferred.contains(&S); },
        /*FirstOnly=*/false,
        [&](const VarDecl &Lock, const Stmt &Event) {
          reportUnderLock(cast<CallExpr>(Event), Lock);
        });
}

/// Whether \p Call, a primitive's member, runs on the primitive's own
/// threads (a pool's workers running its loop): \p Callable belongs to it.
static bool onPrimitivesOwnThread(const CallExpr &Call,
                                  const FunctionDecl &Callable) {
  const CXXMethodDecl *Member = enclosingMember(Callable);
  return Member &&
         samePrimitive(
             *Member->getParent(),
             *cast<CXXMethodDecl>(Call.getDirectCallee())->getParent());
}

void InlineContinuationCheck::recordSummary(
    const model::AsyncContextIndex &Index) {
  model::SummaryRecorder &Recorder = *model::activeSummaryRecorder();
  const SourceManager &SM = Ctx->getSourceManager();
  Recorder.addContext(Index, model(), SM);
  // Whoever calls the function, in a completion handler or a foreign
  // callback the waiters continue on the wrong thread: a table's primitive,
  // or a member this file's primitives resume their waiters in.
  auto AddEffects = [&](const Stmt *S) {
    const auto *Call = cast<CallExpr>(S);
    for (const model::CandidateSite &Site : Index.sites(S))
      if (!onPrimitivesOwnThread(*Call, *Site.Callable))
        Recorder.addEffect(getID(), *Site.Callable, *Call,
                           model::callName(*Call), model(), SM);
  };
  for (const Stmt *S : TableCompleterCalls)
    AddEffects(S);
  for (const Stmt *S : MemberCalls)
    if (PrimitiveResumers.contains(
            cast<CallExpr>(S)->getDirectCallee()->getCanonicalDecl()))
      AddEffects(S);
  // Callbacks handed to other subsystems are not async context for the
  // other checks; what they call of other files must be judged with the
  // index too.
  for (const Stmt *S : ExternalCalls)
    for (const model::CandidateSite &Site : Index.sites(S))
      if (ForeignCallbacks.count(Site.Callable))
        Recorder.addAsyncCallee(*cast<CallExpr>(S)->getDirectCallee());
}

void InlineContinuationCheck::reportPrimitiveCall(
    const CallExpr &Call, const FunctionDecl &Callable,
    const model::AsyncContextIndex &Index,
    const model::CrossFileEffect *Effect) {
  if (!Effect && onPrimitivesOwnThread(Call, Callable))
    return;
  std::string What =
      Effect ? ("'" + Effect->Steps.front().Function +
                "' resumes the coroutines waiting on '" + Effect->What + "' (" +
                lastStepPlace(*Effect) + ") inline")
             : ("'" + model::callName(Call) +
                "' resumes the coroutines waiting on it inline");
  auto NoteSteps = [&] {
    if (Effect)
      emitCrossFileSteps(Ctx->getSourceManager(), *Effect, "calls",
                         Call.getExprLoc(),
                         [this](SourceLocation Loc, StringRef Text) {
                           diag(Loc, "%0", DiagnosticIDs::Note) << Text;
                         });
  };
  // A helper of this file called from a completion handler completes the
  // primitive on that thread too.
  model::AsyncPath Path{Index.rootOf(&Callable), {}};
  if (!Path.Root)
    if (std::optional<model::AsyncPath> Reached = Index.pathTo(&Callable))
      Path = std::move(*Reached);
  if (Path.Root && Path.Root->Kind == model::RootKind::CompletionHandler) {
    if (reportOnce(Call.getExprLoc())) {
      diag(Call.getExprLoc(),
           "%0 inside %1; they continue on the thread that completes the "
           "operation; call it from work posted to their executor instead")
          << What << model::describeContext(Path, Callable);
      if (!Path.Chain.empty())
        model::emitContextNotes(
            Path, [this](SourceLocation Loc, StringRef Message) {
              diag(Loc, "%0", DiagnosticIDs::Note) << Message;
            });
      NoteSteps();
    }
    return;
  }
  auto It = ForeignCallbacks.find(&Callable);
  if (It == ForeignCallbacks.end() || !runsOnForeignThread(*It->second) ||
      !reportOnce(Call.getExprLoc()))
    return;
  diag(Call.getExprLoc(),
       "%0 inside a callback handed to '%1'; they continue on that "
       "subsystem's thread; call it from work posted to their executor "
       "instead")
      << What << registrarName(*It->second);
  diag(It->second->getExprLoc(), "the callback is registered here",
       DiagnosticIDs::Note);
  NoteSteps();
}

/// A variable, parameter, capture or member of an executor type that
/// \p Callable can use: where to post the resumption.
static const ValueDecl *executorInScope(const FunctionDecl &Callable,
                                        const model::AsyncModel &Model) {
  for (const ParmVarDecl *Param : Callable.parameters())
    if (Model.isExecutorType(Param->getType()))
      return Param;
  const auto *Method = dyn_cast<CXXMethodDecl>(&Callable);
  if (!Method)
    return nullptr;
  const CXXRecordDecl *Class = Method->getParent();
  if (Class->isLambda()) {
    for (const LambdaCapture &Capture : Class->captures())
      if (Capture.capturesVariable())
        if (const auto *Var = dyn_cast<VarDecl>(Capture.getCapturedVar()))
          if (Model.isExecutorType(Var->getType()))
            return Var;
    if (const auto *Outer = dyn_cast<FunctionDecl>(Class->getDeclContext()))
      return executorInScope(*Outer, Model);
    return nullptr;
  }
  for (const FieldDecl *Field : Class->fields())
    if (Model.isExecutorType(Field->getType()))
      return Field;
  return nullptr;
}

void InlineContinuationCheck::checkResume(
    const CallExpr &Resume, const FunctionDecl &Callable,
    const model::AsyncContextIndex &Index) {
  // Where coroutines are meant to be resumed: inside the awaitable's own
  // protocol, or in work posted to an executor.
  if (Callable.getIdentifier() && (Callable.getName() == "await_suspend" ||
                                   Callable.getName() == "final_suspend" ||
                                   Callable.getName() == "await_resume"))
    return;
  if (PostedByOption.contains(&Callable))
    return;
  const model::AsyncRoot *Root = Index.rootOf(&Callable);
  if (Root && (Root->Kind == model::RootKind::Handler ||
               Root->Kind == model::RootKind::Continuation))
    return;
  // An awaiter whose every co_await is followed at once by a switch to an
  // executor: the inline resumption only runs the switch.
  if (const CXXMethodDecl *Member = enclosingMember(Callable);
      Member && alwaysReposted(Member->getParent()))
    return;
  const Expr *Handle = model::callObject(Resume);
  if (const auto *Stored = dyn_cast_or_null<MemberExpr>(
          Handle ? Handle->IgnoreParenImpCasts() : nullptr))
    if (const auto *Field = dyn_cast<FieldDecl>(Stored->getMemberDecl());
        Field && alwaysReposted(dyn_cast<CXXRecordDecl>(Field->getParent())))
      return;
  StringRef Post = model::adviceName(model::AdviceName::PostCall);
  std::string Fix = ("post the resumption to the coroutine's executor instead "
                     "(" +
                     Post + "(ex, [h] { h.resume(); }))")
                        .str();
  if (const ValueDecl *Executor = executorInScope(Callable, model())) {
    std::string Name = Executor->getNameAsString();
    Fix = ("post the resumption to '" + Name + "' instead (" + Post + "(" +
           Name + ", [h] { h.resume(); }))")
              .str();
  }
  if (Root && Root->Kind == model::RootKind::CompletionHandler) {
    if (!reportOnce(Resume.getExprLoc()))
      return;
    diag(Resume.getExprLoc(),
         "coroutine resumed inline inside %0; it continues on the thread "
         "that completes the operation, before the handler returns; %1")
        << model::describeContext({Root, {}}, Callable) << Fix;
    return;
  }
  if (auto It = ForeignCallbacks.find(&Callable);
      It != ForeignCallbacks.end()) {
    // An awaiter that starts a thread only to resume its own coroutine
    // hands it off, as posting does.
    if (const auto *Thread = dyn_cast<CXXConstructExpr>(It->second);
        Thread && model().isThreadType(Thread->getType()) &&
        model::isDedicatedResumeThread(Resume, Callable))
      return;
    // A signal of an object on the coroutine's own thread resumes it from
    // that thread's event loop.
    if (!runsOnForeignThread(*It->second))
      return;
    std::string Registrar = registrarName(*It->second);
    if (!reportOnce(Resume.getExprLoc()))
      return;
    diag(Resume.getExprLoc(),
         "coroutine resumed inline inside a callback handed to '%0'; it "
         "continues on that subsystem's thread; %1")
        << Registrar << Fix;
    diag(It->second->getExprLoc(), "the callback is registered here",
         DiagnosticIDs::Note);
    return;
  }
  const Expr *Object = model::callObject(Resume);
  const auto *Member =
      Object ? dyn_cast<MemberExpr>(Object->IgnoreParenImpCasts()) : nullptr;
  const auto *Field =
      Member ? dyn_cast<FieldDecl>(Member->getMemberDecl()) : nullptr;
  if (!Field || !StoredHandles.contains(Field->getCanonicalDecl()))
    return;
  // The primitive resuming its own waiters (set(), unlock(), a pool's
  // worker loop) keeps its contract; its callers are judged instead.
  if (const CXXMethodDecl *Member = enclosingMember(Callable);
      Member &&
      model::awaiterBelongsTo(*cast<CXXRecordDecl>(Field->getParent()),
                              *Member->getParent())) {
    PrimitiveResumers.insert(Member);
    return;
  }
  if (reportOnce(Resume.getExprLoc())) {
    diag(Resume.getExprLoc(),
         "'%0' resumes a coroutine that 'await_suspend' stored, on whichever "
         "thread calls '%1'; the waiter continues inline there; %2")
        << Field->getName() << model::callableName(Callable) << Fix;
  }
}

} // namespace clang::tidy::async

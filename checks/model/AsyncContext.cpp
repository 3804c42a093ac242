//===--- AsyncContext.cpp -------------------------------------------------===//

#include "AsyncContext.h"
#include "Handoff.h"
#include "Offload.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ExprConcepts.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/Config/llvm-config.h"
#include <deque>

namespace clang::tidy::async::model {

bool isCoroutine(const FunctionDecl &Callable) {
  return isa_and_nonnull<CoroutineBodyStmt>(Callable.getBody());
}

static const FunctionDecl *canonical(const FunctionDecl *FD) {
  return FD ? FD->getCanonicalDecl() : nullptr;
}

/// The callables an argument hands over: lambdas, functions and member
/// functions, looking through binders, std::function conversions and local
/// variables initialised with a lambda.
static void collectCallables(const Expr *E, const AsyncModel &Model,
                             llvm::SmallVectorImpl<const FunctionDecl *> &Out,
                             unsigned Depth = 0) {
  if (!E || Depth > 4)
    return;
  E = E->IgnoreParenImpCasts();
  if (const auto *Temp = dyn_cast<MaterializeTemporaryExpr>(E))
    return collectCallables(Temp->getSubExpr(), Model, Out, Depth + 1);
  if (const auto *Bind = dyn_cast<CXXBindTemporaryExpr>(E))
    return collectCallables(Bind->getSubExpr(), Model, Out, Depth + 1);
  if (const auto *Lambda = dyn_cast<LambdaExpr>(E)) {
    Out.push_back(canonical(Lambda->getCallOperator()));
    return;
  }
  if (const auto *Unary = dyn_cast<UnaryOperator>(E))
    if (Unary->getOpcode() == UO_AddrOf)
      return collectCallables(Unary->getSubExpr(), Model, Out, Depth + 1);
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
    if (const auto *FD = dyn_cast<FunctionDecl>(Ref->getDecl()))
      Out.push_back(canonical(FD));
    else if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl()))
      if (Var->isLocalVarDecl() && Var->getInit())
        collectCallables(Var->getInit(), Model, Out, Depth + 1);
    return;
  }
  if (const auto *Cast = dyn_cast<CXXFunctionalCastExpr>(E))
    return collectCallables(Cast->getSubExpr(), Model, Out, Depth + 1);
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E)) {
    if (Construct->getNumArgs() >= 1)
      collectCallables(Construct->getArg(0), Model, Out, Depth + 1);
    return;
  }
  if (const auto *Call = dyn_cast<CallExpr>(E))
    if (Model.isCallableWrapper(*Call))
      for (const Expr *Arg : Call->arguments())
        collectCallables(Arg, Model, Out, Depth + 1);
}

static RootKind rootKind(HandoffKind Kind) {
  switch (Kind) {
  case HandoffKind::Handler:
    return RootKind::Handler;
  case HandoffKind::Continuation:
    return RootKind::Continuation;
  case HandoffKind::CompletionHandler:
    return RootKind::CompletionHandler;
  }
  llvm_unreachable("unknown hand-off kind");
}

/// The one walk over the TU's own code.
class ContextCollector : public RecursiveASTVisitor<ContextCollector> {
  using Base = RecursiveASTVisitor<ContextCollector>;

public:
  ContextCollector(AsyncContextIndex &Index, const AsyncModel &Model,
                   const SourceManager &SM,
                   llvm::ArrayRef<const Stmt *> Candidates,
                   bool OffloadMayBlock)
      : Index(Index), Model(Model), SM(SM),
        Candidates(Candidates.begin(), Candidates.end()),
        OffloadMayBlock(OffloadMayBlock) {}

  bool shouldVisitTemplateInstantiations() const { return true; }

  bool TraverseDecl(Decl *D) {
    if (!D)
      return true;
    SourceLocation Loc = D->getLocation();
    if (Loc.isValid() && SM.isInSystemHeader(SM.getExpansionLoc(Loc)))
      return true;
    const auto *FD = dyn_cast<FunctionDecl>(D);
    if (!FD || !FD->doesThisDeclarationHaveABody())
      return Base::TraverseDecl(D);
    enterCallable(*FD);
    bool Result = Base::TraverseDecl(D);
    leaveCallable();
    return Result;
  }

  bool TraverseLambdaExpr(LambdaExpr *Lambda) {
    enterCallable(*Lambda->getCallOperator());
    bool Result = Base::TraverseLambdaExpr(Lambda);
    leaveCallable();
    return Result;
  }

  // 'co_await resume_on(ex);' moves the rest of the coroutine onto ex: the
  // statements after it in its block run there. A switch in a nested plain
  // block holds after the block; one in a branch or a loop body may not
  // have run, so after those the coroutine is where it was before.
  bool TraverseCompoundStmt(CompoundStmt *S,
                            DataRecursionQueue *Queue = nullptr) {
    if (!OffloadMayBlock || Deep || Frames.empty() || !Frames.back().Coroutine)
      return Base::TraverseCompoundStmt(S, Queue);
    bool Before = Frames.back().AfterOffload;
    if (!WalkUpFromCompoundStmt(S))
      return false;
    for (Stmt *Child : S->body()) {
      if (!TraverseStmt(Child))
        return false;
      if (std::optional<bool> ToOffload = executorSwitch(*Child, Model))
        Frames.back().AfterOffload = *ToOffload;
    }
    // Stmts ends with S itself.
    if (Stmts.size() < 2 || !isa<CompoundStmt>(Stmts[Stmts.size() - 2]))
      Frames.back().AfterOffload = Before;
    return true;
  }

  // Plain recursion (no data-recursion queue) keeps Stmts the exact chain
  // of ancestors; RecursiveASTVisitor's dataTraverseStmtPost hook cannot be
  // overridden in LLVM 19. Below MaxTrackedDepth statements (only generated
  // code nests that deep), RecursiveASTVisitor's own work queue takes over,
  // so that the stack cannot overflow: calls there still join the call
  // graph, but are not recorded as sites, whose ancestors would be unknown.
  bool TraverseStmt(Stmt *S, DataRecursionQueue *Queue = nullptr) {
    if (!S)
      return true;
    if (Deep)
      return Base::TraverseStmt(S, Queue);
    if (Stmts.size() >= MaxTrackedDepth) {
      Deep = true;
      bool Result = Base::TraverseStmt(S, nullptr);
      Deep = false;
      return Result;
    }
    Stmts.push_back(S);
    if (!Callables.empty() && Candidates.contains(S) && !inUnevaluatedOperand())
      recordSite(S, Callables.back());
    bool Result = Base::TraverseStmt(S, nullptr);
    Stmts.pop_back();
    return Result;
  }

  // decltype(...) operands never run. (LLVM 22 added a parameter to the
  // TypeLoc traversals.)
#if LLVM_VERSION_MAJOR >= 22
  bool TraverseDecltypeTypeLoc(DecltypeTypeLoc TL, bool TraverseQualifier) {
    ++Unevaluated;
    bool Result = Base::TraverseDecltypeTypeLoc(TL, TraverseQualifier);
#else
  bool TraverseDecltypeTypeLoc(DecltypeTypeLoc TL) {
    ++Unevaluated;
    bool Result = Base::TraverseDecltypeTypeLoc(TL);
#endif
    --Unevaluated;
    return Result;
  }

  bool VisitCallExpr(CallExpr *Call) {
    const FunctionDecl *Caller = Callables.empty() ? nullptr : Callables.back();
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (!Callee)
      return true;
    // A blocking wait's own body is the library's: the wait is reported at
    // its call, where its context is known, not again inside it.
    if (Caller &&
        !SM.isInSystemHeader(SM.getExpansionLoc(Callee->getLocation())) &&
        !(Callee->getIdentifier() &&
          Model.mayBeBlockingWait(Callee->getName()) &&
          Model.blockingWait(*Call)))
      addCall(Caller, Callee, Call->getExprLoc(), invokesGivenCallable(*Call),
              Call);

    if (std::optional<Handoff> Handoff = handoff(*Call, Model)) {
      // Work handed to an executor meant for blocking work may block.
      bool Offload = OffloadMayBlock && Handoff->Kind == HandoffKind::Handler &&
                     offloadsWork(*Call, Model);
      for (const Expr *Arg : Handoff->work(*Call))
        addRoots(Arg, rootKind(Handoff->Kind), Call, Offload);
      return true;
    }
    if (OffloadMayBlock && isExecutorSubmit(*Call) &&
        offloadsWork(*Call, Model)) {
      for (const Expr *Arg : Call->arguments())
        addRoots(Arg, RootKind::Handler, Call, /*Offload=*/true);
      return true;
    }
    // A lambda handed straight to an ordinary call (an algorithm,
    // std::call_once) runs on the caller's thread, unless the callee moves
    // it into a thread of its own.
    if (Caller && !Model.isThreadSpawn(*Call))
      for (unsigned I = 0, N = Call->getNumArgs(); I < N; ++I)
        if (const auto *Lambda = dyn_cast<LambdaExpr>(
                Call->getArg(I)->IgnoreImplicit()->IgnoreParens());
            Lambda && !passedToNewThread(*Call, *Callee, I))
          addCall(Caller, Lambda->getCallOperator(), Lambda->getBeginLoc());
    return true;
  }

private:
  void enterCallable(const FunctionDecl &FD) {
    const FunctionDecl *Canon = canonical(&FD);
    bool Coroutine = isCoroutine(FD);
    if (Coroutine)
      Index.addRoot({RootKind::Coroutine, Canon});
    else if (Model.isConfiguredAsync(FD))
      Index.addRoot({RootKind::Configured, Canon});
    Callables.push_back(Canon);
    Frames.push_back({Coroutine, false});
  }

  void leaveCallable() {
    Callables.pop_back();
    Frames.pop_back();
  }

  void addCall(const FunctionDecl *Caller, const FunctionDecl *Callee,
               SourceLocation Loc, bool InvokesGiven = false,
               const CallExpr *Call = nullptr) {
    Index.Calls[Caller].push_back({Caller, canonical(Callee), Loc,
                                   Frames.back().AfterOffload, InvokesGiven,
                                   Call});
  }

  void addRoots(const Expr *Arg, RootKind Kind, const CallExpr *Scheduler,
                bool Offload) {
    llvm::SmallVector<const FunctionDecl *, 2> Found;
    collectCallables(Arg, Model, Found);
    for (const FunctionDecl *FD : Found) {
      if (Offload)
        Index.Offloaded.insert(FD);
      else
        Index.addRoot({Kind, FD, Scheduler});
    }
  }

  /// Whether the callee moves its argument \p ArgIndex into a new thread
  /// (a helper that runs a callback on a std::thread of its own).
  bool passedToNewThread(const CallExpr &Call, const FunctionDecl &Callee,
                         unsigned ArgIndex) {
    const FunctionDecl *Definition = nullptr;
    if (!Callee.hasBody(Definition) ||
        SM.isInSystemHeader(SM.getExpansionLoc(Definition->getLocation())))
      return false;
    if (isa<CXXOperatorCallExpr>(Call) && isa<CXXMethodDecl>(Definition)) {
      if (ArgIndex == 0)
        return false;
      --ArgIndex;
    }
    if (ArgIndex >= Definition->getNumParams())
      return false;
    const ParmVarDecl *Param = Definition->getParamDecl(ArgIndex);
    auto [It, Inserted] = MovedToThread.try_emplace(Param, false);
    if (Inserted)
      It->second = movesIntoNewThread(*Definition, *Param, Model);
    return It->second;
  }

  /// Inside sizeof, alignof, noexcept, an unevaluated typeid, a requires
  /// expression or decltype.
  bool inUnevaluatedOperand() const {
    if (Unevaluated)
      return true;
    for (const Stmt *S : Stmts) {
      if (isa<UnaryExprOrTypeTraitExpr, CXXNoexceptExpr, RequiresExpr>(S))
        return true;
      if (const auto *Typeid = dyn_cast<CXXTypeidExpr>(S))
        if (!Typeid->isPotentiallyEvaluated())
          return true;
    }
    return false;
  }

  void recordSite(const Stmt *Candidate, const FunctionDecl *Caller) {
    auto &Sites = Index.Sites[Candidate];
    for (const CandidateSite &Site : Sites)
      if (Site.Callable == Caller)
        return;
    CandidateSite Site{Caller, {}, nullptr, Frames.back().AfterOffload};
    // Stmts ends with the candidate itself.
    for (size_t I = 0; I + 1 < Stmts.size(); ++I)
      if (const auto *If = dyn_cast<IfStmt>(Stmts[I]))
        if (If->getThen() == Stmts[I + 1] && If->getCond())
          Site.Guards.push_back(If->getCond());
    for (size_t I = Stmts.size() - 1; I-- > 0;) {
      if (isa<ExprWithCleanups, ImplicitCastExpr, MaterializeTemporaryExpr,
              CXXBindTemporaryExpr, ConstantExpr>(Stmts[I]))
        continue;
      Site.Parent = Stmts[I];
      break;
    }
    Sites.push_back(std::move(Site));
  }

  AsyncContextIndex &Index;
  const AsyncModel &Model;
  const SourceManager &SM;
  llvm::DenseSet<const Stmt *> Candidates;
  bool OffloadMayBlock;
  llvm::SmallVector<const FunctionDecl *, 8> Callables;
  /// Per entry of Callables: whether it is a coroutine, and whether it has
  /// moved onto an offload executor at the current statement.
  struct Frame {
    bool Coroutine;
    bool AfterOffload;
  };
  llvm::SmallVector<Frame, 8> Frames;
  llvm::DenseMap<const ParmVarDecl *, bool> MovedToThread;
  static constexpr size_t MaxTrackedDepth = 512;
  llvm::SmallVector<Stmt *, 32> Stmts;
  bool Deep = false;
  unsigned Unevaluated = 0;
};

AsyncContextIndex::AsyncContextIndex(ASTContext &Ctx, const AsyncModel &Model,
                                     llvm::ArrayRef<const Stmt *> Candidates,
                                     bool OffloadMayBlock) {
  ContextCollector Collector(*this, Model, Ctx.getSourceManager(), Candidates,
                             OffloadMayBlock);
  Collector.TraverseAST(Ctx);
  computeReach(Model.maxCallDepth());
}

void AsyncContextIndex::addRoot(AsyncRoot Root) {
  if (RootIndex.count(Root.Callable))
    return;
  RootIndex[Root.Callable] = Roots.size();
  Roots.push_back(Root);
}

void AsyncContextIndex::computeReach(unsigned MaxDepth) {
  std::deque<std::pair<const FunctionDecl *, unsigned>> Queue;
  for (const AsyncRoot &Root : Roots)
    Queue.emplace_back(Root.Callable, 0);
  while (!Queue.empty()) {
    auto [Callable, Depth] = Queue.front();
    Queue.pop_front();
    if (Depth >= MaxDepth)
      continue;
    auto It = Calls.find(Callable);
    if (It == Calls.end())
      continue;
    for (const CallEdge &Edge : It->second) {
      if (RootIndex.count(Edge.Callee) || ReachedBy.count(Edge.Callee))
        continue;
      // Past a move onto an offload executor, or a library bridge running
      // what was offloaded, the callee is not async context.
      if (Edge.AfterOffload ||
          (Edge.InvokesGiven && Offloaded.contains(Edge.Callee)))
        continue;
      ReachedBy.try_emplace(Edge.Callee, Edge);
      Queue.emplace_back(Edge.Callee, Depth + 1);
    }
  }
}

llvm::ArrayRef<CandidateSite>
AsyncContextIndex::sites(const Stmt *Candidate) const {
  auto It = Sites.find(Candidate);
  if (It == Sites.end())
    return {};
  return It->second;
}

const AsyncRoot *AsyncContextIndex::rootOf(const FunctionDecl *Callable) const {
  auto It = RootIndex.find(Callable);
  return It == RootIndex.end() ? nullptr : &Roots[It->second];
}

void AsyncContextIndex::forEachCall(
    llvm::function_ref<void(const CallEdge &)> Visit) const {
  for (const auto &Entry : Calls)
    for (const CallEdge &Edge : Entry.second)
      Visit(Edge);
}

std::optional<AsyncPath>
AsyncContextIndex::pathTo(const FunctionDecl *Callable) const {
  AsyncPath Path{nullptr, {}};
  const FunctionDecl *Current = Callable;
  while (!(Path.Root = rootOf(Current))) {
    auto It = ReachedBy.find(Current);
    if (It == ReachedBy.end())
      return std::nullopt;
    Path.Chain.push_back(It->second);
    Current = It->second.Caller;
  }
  std::reverse(Path.Chain.begin(), Path.Chain.end());
  return Path;
}

} // namespace clang::tidy::async::model

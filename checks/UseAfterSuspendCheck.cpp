//===--- UseAfterSuspendCheck.cpp - async-use-after-suspend ---------------===//

#include "UseAfterSuspendCheck.h"
#include "checks/model/ApiNames.h"
#include "checks/model/CoroutineLocks.h"
#include "checks/model/HeldLocks.h"
#include "checks/model/StmtWalk.h"
#include "checks/model/SuspendedState.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"

namespace clang::tidy::async {

/// A local that a suspension can make stale: it points into a container
/// other code can reshape, or holds what only its thread may use.
struct UseAfterSuspendCheck::Binding {
  const VarDecl *Var;
  model::SharedContainer Container; // when Source is null
  const NamedDecl *Source;          // thread-id call or thread_local
  const CXXForRangeStmt *Loop;      // Var is the loop's hidden iterator
};

UseAfterSuspendCheck::UseAfterSuspendCheck(StringRef Name,
                                           ClangTidyContext *Context)
    : FunctionBodyCheck(Name, Context),
      StableContainers(*this, "StableContainers"),
      ThreadSwitchingCalls(*this, "ThreadSwitchingCalls"),
      AssumeThreadSwitch(Options.get("AssumeThreadSwitch", false)) {}

void UseAfterSuspendCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  FunctionBodyCheck::storeOptions(Opts);
  Options.store(Opts, "AssumeThreadSwitch", AssumeThreadSwitch);
}

bool UseAfterSuspendCheck::switchesThread(const Stmt &Suspension) const {
  if (AssumeThreadSwitch || model::switchesThread(Suspension, model()))
    return true;
  const CallExpr *Call = model::awaitedCall(Suspension);
  return Call && ThreadSwitchingCalls.matchesCall(*Call);
}

/// The variable a statement declares, for the single-declaration
/// statements the CFG is made of.
static const VarDecl *declaredVar(const Stmt &S) {
  const auto *Decls = dyn_cast<DeclStmt>(&S);
  return Decls && Decls->isSingleDecl()
             ? dyn_cast<VarDecl>(Decls->getSingleDecl())
             : nullptr;
}

/// The variable an assignment gives a new value ('it = m.find(k)').
static const DeclRefExpr *assignedVariable(const Stmt &S) {
  const Expr *Target = nullptr;
  if (const auto *Assign = dyn_cast<BinaryOperator>(&S);
      Assign && Assign->getOpcode() == BO_Assign)
    Target = Assign->getLHS();
  else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(&S);
           Op && Op->getOperator() == OO_Equal && Op->getNumArgs() == 2)
    Target = Op->getArg(0);
  return Target ? dyn_cast<DeclRefExpr>(Target->IgnoreParenImpCasts())
                : nullptr;
}

void UseAfterSuspendCheck::checkBody(const FunctionDecl &Function,
                                     const Stmt &Body, bool IsCoroutine,
                                     ASTContext &Ctx) {
  if (!IsCoroutine)
    return;
  auto IsStable = [this](QualType T) {
    const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
    return RD && RD->getIdentifier() &&
           StableContainers.matches(model::apiName(*RD));
  };
  // One walk finds the bindings, the suspensions and the assignments that
  // rebind; lambdas are other functions.
  llvm::SmallVector<Binding, 4> Bindings;
  llvm::DenseMap<const VarDecl *, const CXXForRangeStmt *> LoopIterators;
  llvm::DenseSet<const Stmt *> Rebinds;
  llvm::DenseSet<const Stmt *> ThreadSwitches;
  bool Suspends = false;
  // Blocks that hold a thread lock from a declaration on: state read under
  // it cannot change while the coroutine is suspended, and holding the
  // lock across the suspension is async-blocking-call's finding.
  llvm::SmallVector<std::pair<const Stmt *, bool>, 8> Blocks;
  auto Locked = [&] {
    return llvm::any_of(Blocks, [](const auto &Block) { return Block.second; });
  };
  auto Enter = [&](const Stmt &S, const Stmt *) {
    if (isa<LambdaExpr, BlockExpr>(S))
      return WalkAction::Skip;
    if (isa<CompoundStmt>(S))
      Blocks.push_back({&S, false});
    if (model::isSuspension(S)) {
      Suspends = true;
      if (switchesThread(S))
        ThreadSwitches.insert(&S);
    } else if (const auto *Loop = dyn_cast<CXXForRangeStmt>(&S)) {
      if (const VarDecl *Begin = Loop->getBeginStmt()
                                     ? declaredVar(*Loop->getBeginStmt())
                                     : nullptr)
        LoopIterators[Begin] = Loop;
    } else if (const DeclRefExpr *Assigned = assignedVariable(S)) {
      // Assigning to a reference writes through it.
      if (!Assigned->getDecl()->getType()->isReferenceType())
        Rebinds.insert(Assigned);
    } else if (const auto *Decls = dyn_cast<DeclStmt>(&S)) {
      for (const Decl *D : Decls->decls()) {
        const auto *Var = dyn_cast<VarDecl>(D);
        const CXXForRangeStmt *Loop = LoopIterators.lookup(Var);
        if (!Var || (Var->isImplicit() && !Loop))
          continue;
        if (!Blocks.empty() && model().isLockType(Var->getType()) &&
            !model().isConstructedUnlocked(*Var)) {
          Blocks.back().second = true;
          continue;
        }
        if (auto Container =
                model::sharedContainerOf(*Var, Function, model(), IsStable)) {
          if (!Locked())
            Bindings.push_back({Var, *Container, nullptr, Loop});
        } else if (const NamedDecl *Source = model::threadAffineSource(*Var))
          Bindings.push_back({Var, {}, Source, nullptr});
      }
    }
    return WalkAction::Descend;
  };
  auto Leave = [&](const Stmt &S) {
    if (isa<CompoundStmt>(S))
      Blocks.pop_back();
  };
  walkStatements(Body, Enter, Leave, childrenOf);
  if (Bindings.empty() || !Suspends)
    return;

  // One CFG per coroutine that has both: a path from a binding through a
  // suspension to a use of it, with no new value on the way.
  CFG::BuildOptions Options;
  Options.setAllAlwaysAdd();
  std::unique_ptr<CFG> Graph =
      CFG::buildCFG(&Function, const_cast<Stmt *>(&Body), &Ctx, Options);
  if (!Graph)
    return;
  struct Position {
    const CFGBlock *Block;
    unsigned Index;
  };
  llvm::DenseMap<const VarDecl *, Position> Declared;
  for (const CFGBlock *Block : *Graph)
    for (unsigned I = 0, N = Block->size(); I != N; ++I)
      if (auto Element = (*Block)[I].getAs<CFGStmt>())
        if (const VarDecl *Var = declaredVar(*Element->getStmt()))
          Declared.try_emplace(Var, Position{Block, I});

  llvm::DenseSet<const CXXForRangeStmt *> ReportedLoops;
  llvm::DenseSet<const VarDecl *> Covered;
  for (const Binding &B : Bindings) {
    auto Start = Declared.find(B.Var);
    if (Start == Declared.end() || Covered.contains(B.Var))
      continue;
    struct Item {
      const CFGBlock *Block;
      unsigned Index;
      const Stmt *Suspension;
    };
    llvm::SmallVector<Item, 16> Work{
        {Start->second.Block, Start->second.Index + 1, nullptr}};
    llvm::DenseSet<unsigned> Seen; // block id * 2 + whether suspended
    bool Found = false;
    while (!Work.empty() && !Found) {
      Item Top = Work.pop_back_val();
      bool PathEnds = false;
      for (unsigned I = Top.Index, N = Top.Block->size();
           I != N && !PathEnds && !Found; ++I) {
        auto Element = (*Top.Block)[I].getAs<CFGStmt>();
        if (!Element)
          continue;
        const Stmt &S = *Element->getStmt();
        if (declaredVar(S) == B.Var) {
          PathEnds = true; // declared afresh: the next iteration of a loop
        } else if (!Top.Suspension && model::isSuspension(S) &&
                   // co_yield hands control to the generator's consumer
                   // alone, as an iterator would: no other code runs.
                   (B.Source ? ThreadSwitches.contains(&S)
                             : !isa<CoyieldExpr>(S))) {
          Top.Suspension = &S;
        } else if (const auto *Ref = dyn_cast<DeclRefExpr>(&S);
                   Ref && Ref->getDecl() == B.Var) {
          if (Rebinds.contains(Ref))
            PathEnds = true;
          else if (Top.Suspension)
            Found = true;
        }
        if (Found) {
          const CXXForRangeStmt *Loop = B.Loop;
          if (!Loop || ReportedLoops.insert(Loop).second)
            report(B, S, *Top.Suspension);
        }
      }
      if (PathEnds || Found)
        continue;
      for (const CFGBlock *Next : Top.Block->succs())
        if (Next &&
            Seen.insert(Next->getBlockID() * 2 + (Top.Suspension ? 1 : 0))
                .second)
          Work.push_back({Next, 0, Top.Suspension});
    }
    // The loop's element reference is part of the loop's finding.
    if (B.Loop && Found)
      Covered.insert(B.Loop->getLoopVariable());
  }
}

/// 'reference', 'pointer', 'view' or 'iterator'.
static StringRef bindingKind(const VarDecl &Var, const model::AsyncModel &M) {
  QualType T = Var.getType();
  if (T->isReferenceType())
    return "reference";
  if (T->isPointerType())
    return "pointer";
  return M.isReferenceLike(T) ? "view" : "iterator";
}

/// "member 'sessions_'", "the container behind 'registry'".
static std::string containerName(const model::SharedContainer &C) {
  std::string Name = "'" + C.Decl->getNameAsString() + "'";
  if (C.BehindPointer)
    return "the container behind " + Name;
  if (isa<FieldDecl>(C.Decl))
    return "member " + Name;
  if (isa<ParmVarDecl>(C.Decl))
    return "parameter " + Name;
  const auto *Var = dyn_cast<VarDecl>(C.Decl);
  if (Var && Var->isStaticLocal())
    return "static " + Name;
  return (Var && Var->hasGlobalStorage() ? "global " : "captured ") + Name;
}

void UseAfterSuspendCheck::report(const Binding &B, const Stmt &Use,
                                  const Stmt &Suspension) {
  StringRef Await = isa<CoyieldExpr>(Suspension) ? "co_yield" : "co_await";
  SourceLocation Where =
      B.Loop ? B.Loop->getRangeInit()->getBeginLoc() : Use.getBeginLoc();
  if (!reportOnce(Where))
    return;
  if (B.Loop) {
    std::string Container = containerName(B.Container);
    diag(Where, "range-for loop over %0 continues after a %1 in its body; "
                "the container can change while the coroutine is suspended "
                "and invalidate the loop's iterator; iterate over a copy, or "
                "leave the loop after the %1")
        << Container << Await;
  } else if (!B.Source) {
    diag(Where, "%0 '%1' into %2 is used after a %3; the container can "
                "change while the coroutine is suspended; look it up again "
                "after the %3 or copy the value")
        << bindingKind(*B.Var, model()) << B.Var->getName()
        << containerName(B.Container) << Await;
    diag(B.Var->getLocation(), "'%0' is taken here, before the %1",
         DiagnosticIDs::Note)
        << B.Var->getName() << Await;
  } else if (isa<VarDecl>(B.Source)) {
    diag(Where, "%0 '%1' of thread_local '%2' is used after a %3 that can "
                "resume the coroutine on another thread; read '%2' again "
                "after the %3")
        << (B.Var->getType()->isReferenceType() ||
                    B.Var->getType()->isPointerType()
                ? bindingKind(*B.Var, model())
                : "value")
        << B.Var->getName() << B.Source->getName() << Await;
    diag(B.Var->getLocation(), "'%0' is taken here, before the %1",
         DiagnosticIDs::Note)
        << B.Var->getName() << Await;
  } else {
    std::string Call = model::apiName(*B.Source);
    diag(Where, "thread id '%0' from '%1' is used after a %2 that can resume "
                "the coroutine on another thread; call '%1' again after the "
                "%2")
        << B.Var->getName() << Call << Await;
    diag(B.Var->getLocation(), "'%0' is taken here, before the %1",
         DiagnosticIDs::Note)
        << B.Var->getName() << Await;
  }
  diag(Suspension.getBeginLoc(),
       B.Source ? "the coroutine can resume on another thread after this %0"
                : "the coroutine suspends here; other code runs before it "
                  "resumes",
       DiagnosticIDs::Note)
      << Await;
}

} // namespace clang::tidy::async

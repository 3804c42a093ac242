//===--- LongWork.cpp -----------------------------------------------------===//

#include "LongWork.h"
#include "ApiNames.h"
#include "AstHelpers.h"
#include "HeldLocks.h"
#include "StmtWalk.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Analysis/Analyses/ExprMutationAnalyzer.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"

namespace clang::tidy::async::model {

namespace {
struct CpuTables {
  llvm::StringMap<CpuWork> Calls;
  llvm::StringSet<> Sorts;
  llvm::StringSet<> SortShortNames;
  llvm::SmallVector<llvm::StringRef, 2> GrowingMembers;
};
} // namespace

static const CpuTables &cpuTables() {
  static const CpuTables Tables = [] {
    CpuTables T;
#define ASYNC_CPU_HEAVY_CALL(Name, Kind) T.Calls[Name] = CpuWork::Kind;
#define ASYNC_WHOLE_RANGE_SORT(Name)                                           \
  T.Sorts.insert(Name);                                                        \
  T.SortShortNames.insert(llvm::StringRef(Name).rsplit("::").second);
#define ASYNC_GROWING_CONTAINER_MEMBER(Name) T.GrowingMembers.push_back(Name);
#include "CpuHeavy.def"
    return T;
  }();
  return Tables;
}

llvm::StringRef describe(CpuWork Work) {
  switch (Work) {
  case CpuWork::PasswordHash:
    return "password hashing";
  case CpuWork::KeyDerivation:
    return "key derivation";
  case CpuWork::Compression:
    return "compression of a whole buffer";
  case CpuWork::Sort:
    return "a sort of a whole container";
  }
  llvm_unreachable("unknown CpuWork");
}

/// The variable or member whose begin (or end) \p E is: 'c.begin()',
/// 'std::begin(c)', 'c.end()'.
static const ValueDecl *rangeOwner(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E);
      Construct && Construct->getNumArgs() == 1)
    E = Construct->getArg(0)->IgnoreParenImpCasts();
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(E))
    return Member->getNumArgs() == 0
               ? referencedDecl(Member->getImplicitObjectArgument())
               : nullptr;
  if (const auto *Call = dyn_cast<CallExpr>(E))
    return Call->getNumArgs() == 1 ? referencedDecl(Call->getArg(0)) : nullptr;
  return nullptr;
}

/// A sort over 'c.begin(), c.end()' of a container that can grow.
static bool sortsWholeGrowingContainer(const CallExpr &Call) {
  if (Call.getNumArgs() < 2)
    return false;
  const ValueDecl *First = rangeOwner(Call.getArg(0));
  if (!First || First != rangeOwner(Call.getArg(1)))
    return false;
  const CXXRecordDecl *RD =
      First->getType().getNonReferenceType()->getAsCXXRecordDecl();
  return RD && llvm::any_of(cpuTables().GrowingMembers, [&](StringRef Member) {
           return hasMember(*RD, Member);
         });
}

std::optional<CpuWork> cpuHeavyWork(const CallExpr &Call) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee || !Callee->getIdentifier())
    return std::nullopt;
  const CpuTables &Tables = cpuTables();
  StringRef Name = Callee->getName();
  if (auto It = Tables.Calls.find(Name); It != Tables.Calls.end())
    return namesLibraryFunction(*Callee) ? std::optional(It->second)
                                         : std::nullopt;
  if (Tables.SortShortNames.contains(Name) &&
      Tables.Sorts.contains(apiName(*Callee)) &&
      sortsWholeGrowingContainer(Call))
    return CpuWork::Sort;
  return std::nullopt;
}

namespace {
struct LoopParts {
  const Expr *Cond = nullptr;
  const Stmt *CondInit = nullptr; // 'while (auto x = ...)'
  const Stmt *Body = nullptr;
};
} // namespace

static std::optional<LoopParts> partsOf(const Stmt &Loop) {
  if (const auto *While = dyn_cast<WhileStmt>(&Loop))
    return LoopParts{While->getCond(), While->getConditionVariableDeclStmt(),
                     While->getBody()};
  if (const auto *Do = dyn_cast<DoStmt>(&Loop))
    return LoopParts{Do->getCond(), nullptr, Do->getBody()};
  if (const auto *For = dyn_cast<ForStmt>(&Loop))
    return LoopParts{For->getCond(), For->getConditionVariableDeclStmt(),
                     For->getBody()};
  return std::nullopt;
}

/// Whether the loop can suspend, leave, block or call something unknown.
static bool mayPauseOrLeave(const Stmt &Loop, const AsyncModel &Model) {
  // Loops and switches nested in the loop: a 'break' there stays inside.
  unsigned Nested = 0;
  return !walkStatements(
      Loop,
      [&](const Stmt &S, const Stmt *Parent) {
        if (isa<LambdaExpr, BlockExpr>(S))
          return WalkAction::Skip;
        if (isSuspension(S) || isa<CoreturnStmt, ReturnStmt, CXXThrowExpr,
                                   GotoStmt, IndirectGotoStmt>(S))
          return WalkAction::Stop;
        if (isa<BreakStmt>(S) && Nested == 0)
          return WalkAction::Stop;
        if (Parent &&
            isa<WhileStmt, DoStmt, ForStmt, CXXForRangeStmt, SwitchStmt>(S))
          ++Nested;
        if (const auto *Call = dyn_cast<CallExpr>(&S)) {
          // A call through a dependent name or a pointer may do anything.
          const FunctionDecl *Callee = Call->getDirectCallee();
          if (!Callee || Callee->isNoReturn() || Model.blockingWait(*Call) ||
              Model.blockingCall(*Call))
            return WalkAction::Stop;
        }
        return WalkAction::Descend;
      },
      [&](const Stmt &S) {
        if (&S != &Loop &&
            isa<WhileStmt, DoStmt, ForStmt, CXXForRangeStmt, SwitchStmt>(S))
          --Nested;
      },
      childrenOf);
}

/// Collects the state \p Cond reads; false when it calls something that
/// may itself advance (a pop, a read, a free function).
static bool conditionReads(const Stmt &Cond,
                           llvm::SmallVectorImpl<const Expr *> &Reads) {
  return walkStatements(Cond, [&](const Stmt &S, const Stmt *) {
    if (isa<LambdaExpr, BlockExpr>(S))
      return WalkAction::Stop;
    if (const auto *Call = dyn_cast<CallExpr>(&S)) {
      const FunctionDecl *Callee = Call->getDirectCallee();
      const auto *Method = dyn_cast_or_null<CXXMethodDecl>(Callee);
      bool Observes = Callee && (Callee->getBuiltinID() != 0 ||
                                 (Method && Method->isConst()));
      return Observes ? WalkAction::Descend : WalkAction::Stop;
    }
    if (const auto *Ref = dyn_cast<DeclRefExpr>(&S)) {
      if (isa<VarDecl>(Ref->getDecl()))
        Reads.push_back(Ref);
    } else if (const auto *Member = dyn_cast<MemberExpr>(&S)) {
      if (isa<FieldDecl>(Member->getMemberDecl()))
        Reads.push_back(Member);
    }
    return WalkAction::Descend;
  });
}

namespace {
/// Who can change what a condition reads, besides the loop's own writes.
enum class StateOwner : uint8_t {
  /// A local object: only the function's own code.
  Local,
  /// A member of '*this': calls that are given 'this'.
  Object,
  /// A global, a static or what a reference or pointer refers to: any call.
  Shared,
};
} // namespace

static StateOwner ownerOf(const Expr &Read) {
  if (const auto *Ref = dyn_cast<DeclRefExpr>(&Read)) {
    const auto *Var = cast<VarDecl>(Ref->getDecl());
    return Var->hasLocalStorage() && !Var->getType()->isReferenceType() &&
                   !Var->getType()->isPointerType()
               ? StateOwner::Local
               : StateOwner::Shared;
  }
  const Expr *Base = &Read;
  while (const auto *Member = dyn_cast<MemberExpr>(Base)) {
    if (Member->isArrow() &&
        !isa<CXXThisExpr>(Member->getBase()->IgnoreImpCasts()))
      return StateOwner::Shared;
    Base = Member->getBase()->IgnoreImpCasts();
  }
  if (isa<CXXThisExpr>(Base))
    return StateOwner::Object;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(Base))
    return ownerOf(*Ref);
  return StateOwner::Shared;
}

/// Whether code in the loop can change state it does not name: for
/// members of '*this', a non-const member call on it or 'this' handed on;
/// for shared state, any call outside the system headers. Lambdas that
/// capture 'this' or by reference count as both.
static bool mayChangeUnnamed(const Stmt &Loop, StateOwner Owner) {
  return !walkStatements(Loop, [&](const Stmt &S, const Stmt *Parent) {
    if (const auto *Lambda = dyn_cast<LambdaExpr>(&S)) {
      for (const LambdaCapture &Capture : Lambda->captures())
        if (Capture.capturesThis() || Capture.getCaptureKind() == LCK_ByRef)
          return WalkAction::Stop;
      return WalkAction::Skip;
    }
    if (Owner == StateOwner::Object) {
      if (!isa<CXXThisExpr>(S))
        return WalkAction::Descend;
      const auto *Member = dyn_cast_or_null<MemberExpr>(Parent);
      if (!Member)
        return WalkAction::Stop; // 'this' handed on
      const auto *Method = dyn_cast<CXXMethodDecl>(Member->getMemberDecl());
      return !Method || Method->isConst() ? WalkAction::Descend
                                          : WalkAction::Stop;
    }
    const auto *Call = dyn_cast<CallExpr>(&S);
    if (!Call)
      return WalkAction::Descend;
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (!Callee)
      return WalkAction::Stop;
    const auto *Method = dyn_cast<CXXMethodDecl>(Callee);
    if (Method && Method->isConst())
      return WalkAction::Descend;
    const SourceManager &SM = Callee->getASTContext().getSourceManager();
    return SM.isInSystemHeader(SM.getExpansionLoc(Callee->getLocation()))
               ? WalkAction::Descend
               : WalkAction::Stop;
  });
}

/// A body that only waits for the condition: empty, or calls without
/// arguments into the system headers ('std::this_thread::yield()').
static bool isSpinBody(const Stmt *Body) {
  if (!Body || isa<NullStmt>(Body))
    return true;
  auto IsPause = [](const Stmt *S) {
    const auto *Call = dyn_cast<CallExpr>(S);
    const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
    if (!Callee || Call->getNumArgs() != 0)
      return false;
    const SourceManager &SM = Callee->getASTContext().getSourceManager();
    return SM.isInSystemHeader(SM.getExpansionLoc(Callee->getLocation()));
  };
  if (const auto *Block = dyn_cast<CompoundStmt>(Body))
    return llvm::all_of(Block->body(), IsPause);
  return IsPause(Body);
}

std::optional<UnendingLoop>
unendingLoop(const Stmt &Loop, const AsyncModel &Model, ASTContext &Ctx) {
  std::optional<LoopParts> Parts = partsOf(Loop);
  if (!Parts || mayPauseOrLeave(Loop, Model))
    return std::nullopt;
  bool Spins = isSpinBody(Parts->Body);
  if (!Parts->Cond)
    return UnendingLoop{UnendingLoop::NoCondition, nullptr, Spins};
  if (!Parts->Cond->isValueDependent()) {
    bool Value = false;
    if (Parts->Cond->EvaluateAsBooleanCondition(Value, Ctx))
      return Value ? std::optional(UnendingLoop{UnendingLoop::NoCondition,
                                                nullptr, Spins})
                   : std::nullopt;
  }
  llvm::SmallVector<const Expr *, 4> Reads;
  if (!conditionReads(*Parts->Cond, Reads) ||
      (Parts->CondInit && !conditionReads(*Parts->CondInit, Reads)) ||
      Reads.empty())
    return std::nullopt;
  ExprMutationAnalyzer Mutations(Loop, Ctx);
  const ValueDecl *Flag = nullptr;
  for (const Expr *Read : Reads) {
    const ValueDecl *D = isa<DeclRefExpr>(Read)
                             ? cast<DeclRefExpr>(Read)->getDecl()
                             : cast<MemberExpr>(Read)->getMemberDecl();
    if (const auto *Var = dyn_cast<VarDecl>(D); Var && Mutations.isMutated(Var))
      return std::nullopt;
    StateOwner Owner = ownerOf(*Read);
    if (Owner != StateOwner::Local && mayChangeUnnamed(Loop, Owner))
      return std::nullopt;
    if (!Flag)
      Flag = D;
  }
  // A member read in the condition may be assigned through other uses of
  // the same member in the loop ('while (!done_) { done_ = step(); }').
  bool MemberAssigned = !walkStatements(Loop, [&](const Stmt &S, const Stmt *) {
    const auto *Member = dyn_cast<MemberExpr>(&S);
    if (!Member)
      return WalkAction::Descend;
    for (const Expr *Read : Reads)
      if (const auto *ReadMember = dyn_cast<MemberExpr>(Read);
          ReadMember &&
          ReadMember->getMemberDecl() == Member->getMemberDecl() &&
          Mutations.isMutated(Member))
        return WalkAction::Stop;
    return WalkAction::Descend;
  });
  if (MemberAssigned)
    return std::nullopt;
  return UnendingLoop{UnendingLoop::ConditionNotAdvanced, Flag, Spins};
}

} // namespace clang::tidy::async::model

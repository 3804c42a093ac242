//===--- Joins.cpp --------------------------------------------------------===//

#include "Joins.h"
#include "AstHelpers.h"
#include "StmtWalk.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"

namespace clang::tidy::async::model {

Joins::Joins(const Stmt &Body, const AsyncModel &Model) : Model(Model) {
  walkStatements(Body, [&](const Stmt &S, const Stmt *) {
    if (isa<LambdaExpr>(S))
      return WalkAction::Skip;
    // Joins take no arguments: 'group.run(f)' starts work, 'ioc.run()'
    // waits.
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&S))
      if (const CXXMethodDecl *Method = Member->getMethodDecl();
          Method && Method->getIdentifier()) {
        bool Join =
            Member->getNumArgs() == 0 && Model.isJoinMember(Method->getName());
        if (Join)
          if (const ValueDecl *Object =
                  referencedDecl(Member->getImplicitObjectArgument()))
            Joined.insert(Object);
        if (Join || Model.isConditionWait(Method->getName()))
          addWait(Member->getImplicitObjectArgument(), Member->getBeginLoc());
      }
    if (const auto *Await = dyn_cast<CoawaitExpr>(&S);
        Await && !Await->isImplicit())
      addWait(Await->getOperand(), Await->getBeginLoc());
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
  });
}

void Joins::addWait(const Expr *Object, SourceLocation Where) {
  const ValueDecl *Waited = referencedDecl(Object);
  if (!Waited)
    return;
  Waits.push_back({Waited, Where});
  // A future made by its promise ('f' of 'p.get_future()') waits on it.
  if (const auto *Var = dyn_cast<VarDecl>(Waited); Var && Var->getInit())
    if (const auto *Made =
            dyn_cast<CXXMemberCallExpr>(Var->getInit()->IgnoreImplicit()))
      if (const ValueDecl *Maker =
              referencedDecl(Made->getImplicitObjectArgument()))
        Waits.push_back({Maker, Where});
}

SourceLocation Joins::signalWait(const LambdaExpr &Work,
                                 SourceLocation Start) const {
  const SourceManager &SM =
      Work.getCallOperator()->getASTContext().getSourceManager();
  auto ByReference = [&Work](const ValueDecl *D) {
    return llvm::any_of(Work.captures(), [D](const LambdaCapture &C) {
      return C.capturesVariable() && C.getCapturedVar() == D &&
             C.getCaptureKind() == LCK_ByRef;
    });
  };
  // What the work signals (the object, and where the signal ends), and the
  // last place it refers to a by-reference capture.
  llvm::SmallVector<std::pair<const ValueDecl *, SourceLocation>, 4> Signals;
  SourceLocation LastUse;
  walkStatements(*Work.getBody(), [&](const Stmt &S, const Stmt *Parent) {
    if (Parent && isa<LambdaExpr>(S))
      return WalkAction::Skip;
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
      Signals.push_back({Object, S.getEndLoc()});
    if (const auto *Ref = dyn_cast<DeclRefExpr>(&S))
      if (ByReference(Ref->getDecl()) &&
          (LastUse.isInvalid() ||
           SM.isBeforeInTranslationUnit(LastUse, Ref->getLocation())))
        LastUse = Ref->getLocation();
    return WalkAction::Descend;
  });
  SourceLocation Earliest;
  for (const auto &[Object, SignalEnd] : Signals) {
    // Work that goes on using its references after the signal races the
    // waiter that ends their lives.
    if (LastUse.isValid() && SM.isBeforeInTranslationUnit(SignalEnd, LastUse))
      continue;
    for (const auto &[Waited, Where] : Waits)
      if (Waited == Object && SM.isBeforeInTranslationUnit(Start, Where) &&
          (Earliest.isInvalid() ||
           SM.isBeforeInTranslationUnit(Where, Earliest)))
        Earliest = Where;
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
  if (const auto *Member = dyn_cast_or_null<MemberExpr>(Parent))
    if (const auto *Method = dyn_cast<CXXMethodDecl>(Member->getMemberDecl()))
      if (Method->getIdentifier() && Model.isJoinMember(Method->getName()))
        return true;
  if (const auto *Decls = dyn_cast_or_null<DeclStmt>(Parent))
    for (const Decl *D : Decls->decls())
      if (Joined.contains(dyn_cast<ValueDecl>(D)))
        return true;
  return false;
}

bool Joins::isSubjectJoined(const CallExpr &Call) const {
  const ValueDecl *Target = referencedDecl(callSubject(Call));
  return Target && Joined.contains(Target);
}

} // namespace clang::tidy::async::model

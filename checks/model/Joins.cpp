//===--- Joins.cpp --------------------------------------------------------===//

#include "Joins.h"
#include "AstHelpers.h"
#include "StmtWalk.h"
#include "clang/AST/ExprCXX.h"

namespace clang::tidy::async::model {

Joins::Joins(const Stmt &Body, const AsyncModel &Model) : Model(Model) {
  walkStatements(Body, [&](const Stmt &S, const Stmt *) {
    if (isa<LambdaExpr>(S))
      return WalkAction::Skip;
    // Joins take no arguments: 'group.run(f)' starts work, 'ioc.run()'
    // waits.
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&S);
        Member && Member->getNumArgs() == 0)
      if (const CXXMethodDecl *Method = Member->getMethodDecl())
        if (Method->getIdentifier() && Model.isJoinMember(Method->getName()))
          if (const ValueDecl *Object =
                  referencedDecl(Member->getImplicitObjectArgument()))
            Joined.insert(Object);
    return WalkAction::Descend;
  });
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

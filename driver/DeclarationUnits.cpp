//===--- DeclarationUnits.cpp ---------------------------------------------===//

#include "DeclarationUnits.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang;
using namespace llvm;

namespace async_tidy {

namespace {

/// Where \p D is written in the main file; a macro's expansion stands for
/// what it spells.
std::optional<TextRange> mainFileExtent(const Decl *D, ASTContext &Context) {
  const SourceManager &SM = Context.getSourceManager();
  CharSourceRange Range = SM.getExpansionRange(D->getSourceRange());
  SourceLocation Begin = Range.getBegin(), End = Range.getEnd();
  if (Begin.isInvalid() || End.isInvalid() || !SM.isInMainFile(Begin) ||
      !SM.isInMainFile(End))
    return std::nullopt;
  unsigned EndOffset = SM.getFileOffset(End);
  if (Range.isTokenRange())
    EndOffset += Lexer::MeasureTokenLength(End, SM, Context.getLangOpts());
  return TextRange(SM.getFileOffset(Begin), std::max(EndOffset, 1u));
}

/// Calls \p Visit on each top-level declaration written in the main file.
void forEachTopLevel(DeclContext *Scope, ASTContext &Context,
                     function_ref<void(Decl *, TextRange)> Visit) {
  for (Decl *D : Scope->decls()) {
    if (D->isImplicit())
      continue;
    if (isa<NamespaceDecl, LinkageSpecDecl, ExportDecl>(D)) {
      forEachTopLevel(cast<DeclContext>(D), Context, Visit);
      continue;
    }
    if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(D))
      if (Spec->getSpecializationKind() == TSK_ImplicitInstantiation)
        continue;
    if (std::optional<TextRange> Extent = mainFileExtent(D, Context))
      Visit(D, *Extent);
  }
}

/// What one unit refers to and declares.
class UnitDescriber : public RecursiveASTVisitor<UnitDescriber> {
public:
  UnitDescriber(ASTContext &Context, std::vector<DeclarationUnit> &Units,
                unsigned Current)
      : SM(Context.getSourceManager()), Units(Units), Current(Current) {}

  bool shouldVisitImplicitCode() const { return true; }
  bool shouldVisitTemplateInstantiations() const { return false; }

  /// Forgets the bodies inside one that shapes declarations (a lambda
  /// in a constexpr function).
  void dropShapedBodies() {
    llvm::erase_if(Units[Current].Bodies, [&](const TextRange &Body) {
      return llvm::any_of(Shaping, [&](const TextRange &Outer) {
        return Outer.first <= Body.first && Body.second <= Outer.second;
      });
    });
  }

  bool VisitDecl(Decl *D) {
    // Names local to a function cannot be found by a template elsewhere.
    if (const auto *Named = dyn_cast<NamedDecl>(D))
      if (Named->getDeclName().isIdentifier() &&
          !D->getParentFunctionOrMethod())
        Units[Current].Declares.push_back(Named->getName().str());
    if (const auto *Function = dyn_cast<FunctionDecl>(D)) {
      // The callers of a function defined in the file refer to the
      // definition; a class's members are connected through the class.
      Units[Current].HasCode |=
          !Function->isImplicit() && (isa<CXXMethodDecl>(Function) ||
                                      Function->doesThisDeclarationHaveABody());
      // The body of a constexpr function or one whose return type it
      // deduces shapes what other declarations see: editing it is not
      // confined to it.
      if (Function->doesThisDeclarationHaveABody())
        body(Function->getBody(),
             !Function->isConstexpr() &&
                 !Function->getReturnType()->getContainedDeducedType());
      // An out-of-line member belongs with its class.
      if (const auto *Class = dyn_cast<CXXRecordDecl>(Function->getParent()))
        use(Class);
    }
    return true;
  }
  bool VisitLambdaExpr(LambdaExpr *E) {
    body(E->getBody(), /*Editable=*/true);
    return true;
  }
  bool VisitDeclRefExpr(DeclRefExpr *E) {
    use(E->getDecl());
    return true;
  }
  bool VisitMemberExpr(MemberExpr *E) {
    use(E->getMemberDecl());
    return true;
  }
  bool VisitCXXConstructExpr(CXXConstructExpr *E) {
    use(E->getConstructor());
    return true;
  }
  bool VisitOverloadExpr(OverloadExpr *E) {
    for (const NamedDecl *Candidate : E->decls())
      use(Candidate);
    dependentName(E->getName());
    return true;
  }
  bool VisitCXXDependentScopeMemberExpr(CXXDependentScopeMemberExpr *E) {
    dependentName(E->getMember());
    return true;
  }
  bool VisitDependentScopeDeclRefExpr(DependentScopeDeclRefExpr *E) {
    dependentName(E->getDeclName());
    return true;
  }
  bool VisitTypeLoc(TypeLoc TL) {
    if (auto Tag = TL.getAs<TagTypeLoc>())
      use(Tag.getDecl());
    else if (auto Typedef = TL.getAs<TypedefTypeLoc>())
      use(Typedef.getTypedefNameDecl());
    else if (auto Injected = TL.getAs<InjectedClassNameTypeLoc>())
      use(Injected.getDecl());
    else if (auto Using = TL.getAs<UsingTypeLoc>())
      use(Using.getFoundDecl());
    else if (auto Dependent = TL.getAs<DependentNameTypeLoc>())
      dependentName(DeclarationName(Dependent.getTypePtr()->getIdentifier()));
    else if (auto Spec = TL.getAs<TemplateSpecializationTypeLoc>()) {
      use(Spec.getTypePtr()->getTemplateName().getAsTemplateDecl());
      use(TL.getType()->getAsCXXRecordDecl()); // An explicit specialization.
    }
    return true;
  }

private:
  void use(const Decl *D) {
    if (!D)
      return;
    if (const auto *Shadow = dyn_cast<UsingShadowDecl>(D))
      D = Shadow->getTargetDecl();
    // Sema declares a builtin (the coroutine intrinsics) where it is first
    // used: in another unit, which this one does not refer to.
    if (D->isImplicit() &&
        D->getDeclContext()->getRedeclContext()->isFileContext())
      return;
    for (const Decl *Redecl : D->redecls()) {
      SourceLocation At = SM.getExpansionLoc(Redecl->getLocation());
      if (!SM.isInMainFile(At))
        continue;
      if (std::optional<unsigned> Unit = unitAt(Units, SM.getFileOffset(At)))
        if (*Unit != Current)
          Units[Current].Uses.push_back(*Unit);
    }
  }

  void dependentName(DeclarationName Name) {
    Units[Current].HasCode = true;
    if (Name.isIdentifier() && Name.getAsIdentifierInfo())
      Units[Current].DependentNames.push_back(
          Name.getAsIdentifierInfo()->getName().str());
  }

  /// Records the inside of a body written in the main file, if an edit
  /// there can be confined to it; one spelled by a macro cannot be edited
  /// on its own.
  void body(const Stmt *Body, bool Editable) {
    Units[Current].HasCode = true;
    if (const auto *Coroutine = dyn_cast_or_null<CoroutineBodyStmt>(Body))
      Body = Coroutine->getBody();
    const auto *Block = dyn_cast_or_null<CompoundStmt>(Body);
    if (!Block)
      return;
    SourceLocation L = Block->getLBracLoc(), R = Block->getRBracLoc();
    if (!L.isFileID() || !R.isFileID() || !SM.isInMainFile(L) ||
        !SM.isInMainFile(R))
      return;
    TextRange Inside(SM.getFileOffset(L) + 1, SM.getFileOffset(R));
    (Editable ? Units[Current].Bodies : Shaping).push_back(Inside);
  }

  const SourceManager &SM;
  std::vector<DeclarationUnit> &Units;
  unsigned Current;
  std::vector<TextRange> Shaping;
};

template <typename T> void sortUnique(std::vector<T> &Values) {
  llvm::sort(Values);
  Values.erase(std::unique(Values.begin(), Values.end()), Values.end());
}

} // namespace

std::vector<TextRange> unitExtents(ASTContext &Context) {
  std::vector<TextRange> Extents;
  forEachTopLevel(Context.getTranslationUnitDecl(), Context,
                  [&](Decl *, TextRange Extent) { Extents.push_back(Extent); });
  llvm::sort(Extents);
  std::vector<TextRange> Merged;
  for (const TextRange &Extent : Extents) {
    if (!Merged.empty() && Extent.first < Merged.back().second)
      Merged.back().second = std::max(Merged.back().second, Extent.second);
    else
      Merged.push_back(Extent);
  }
  return Merged;
}

void describeUnits(ASTContext &Context, std::vector<DeclarationUnit> &Units,
                   const BitVector &Describe) {
  forEachTopLevel(Context.getTranslationUnitDecl(), Context,
                  [&](Decl *D, TextRange Extent) {
                    std::optional<unsigned> Unit = unitAt(Units, Extent.first);
                    if (!Unit || !Describe.test(*Unit))
                      return;
                    UnitDescriber Describer(Context, Units, *Unit);
                    Describer.TraverseDecl(D);
                    Describer.dropShapedBodies();
                  });
  for (unsigned I : Describe.set_bits()) {
    DeclarationUnit &Unit = Units[I];
    sortUnique(Unit.Bodies);
    sortUnique(Unit.Uses);
    sortUnique(Unit.DependentNames);
    sortUnique(Unit.Declares);
  }
}

std::optional<unsigned> unitAt(ArrayRef<DeclarationUnit> Units,
                               unsigned Offset) {
  auto After = llvm::upper_bound(Units, Offset,
                                 [](unsigned Offset, const DeclarationUnit &U) {
                                   return Offset < U.Extent.first;
                                 });
  if (After == Units.begin())
    return std::nullopt;
  const DeclarationUnit &Unit = *std::prev(After);
  if (Offset >= Unit.Extent.second)
    return std::nullopt;
  return static_cast<unsigned>(&Unit - Units.data());
}

} // namespace async_tidy

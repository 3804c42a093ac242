//===--- ApiNames.cpp -----------------------------------------------------===//

#include "ApiNames.h"
#include "AstHelpers.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/CharInfo.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/Config/llvm-config.h"

namespace clang::tidy::async::model {

std::string apiName(const NamedDecl &D) {
  // Operators and conversions have no identifier; print their name.
  std::string Last = D.getNameAsString();
  llvm::SmallVector<llvm::StringRef, 8> Parts;
  Parts.push_back(Last);
  for (const DeclContext *DC = D.getDeclContext(); DC; DC = DC->getParent()) {
    if (const auto *NS = dyn_cast<NamespaceDecl>(DC)) {
      if (NS->isInline() || NS->isAnonymousNamespace())
        continue;
      Parts.push_back(NS->getName());
    } else if (const auto *RD = dyn_cast<RecordDecl>(DC)) {
      if (RD->getIdentifier())
        Parts.push_back(RD->getName());
    } else if (isa<FunctionDecl>(DC)) {
      break; // Local classes are named from their function on.
    }
  }
  std::string Name;
  for (auto It = Parts.rbegin(), End = Parts.rend(); It != End; ++It) {
    if (!Name.empty())
      Name += "::";
    Name += *It;
  }
  return Name;
}

/// A typedef the user would recognise: not a member of a class template
/// (value_type, reference), which says less than what it stands for.
static bool isMeaningfulAlias(const TypedefType &Alias) {
  const DeclContext *Scope = Alias.getDecl()->getDeclContext();
  return !Scope->isDependentContext() &&
         !isa<ClassTemplateSpecializationDecl>(Scope);
}

std::string typeName(QualType T, const ASTContext &Ctx) {
  T = T.getNonReferenceType().getUnqualifiedType();
  // Keep the spelling the user knows: an alias such as 'tcp::socket' or
  // 'std::string', or a template-id such as 'std::future<int>'; step through
  // the rest (substitutions, member typedefs of templates).
  bool Spelled = false;
  for (QualType Step = T;;) {
    const Type *Named = Step.getTypePtr();
#if LLVM_VERSION_MAJOR < 22
    // Before LLVM 22 a written qualifier ('std::') is a sugar node of its own.
    if (const auto *Elaborated = dyn_cast<ElaboratedType>(Named))
      Named = Elaborated->getNamedType().getTypePtr();
#endif
    const auto *Alias = dyn_cast<TypedefType>(Named);
    if (isa<TemplateSpecializationType>(Named) ||
        (Alias && isMeaningfulAlias(*Alias))) {
      T = Step;
      Spelled = true;
      break;
    }
    QualType Next = Step.getSingleStepDesugaredType(Ctx);
    if (Next == Step)
      break;
    Step = Next;
  }
  // A plain class prints best fully qualified.
  if (!Spelled)
    T = T.getCanonicalType();
  PrintingPolicy Policy(Ctx.getLangOpts());
  Policy.SuppressTagKeyword = true;
  return T.getUnqualifiedType().getAsString(Policy);
}

std::string canonicalTypeName(QualType T, const ASTContext &Ctx) {
  PrintingPolicy Policy(Ctx.getLangOpts());
  Policy.SuppressTagKeyword = true;
  Policy.SuppressDefaultTemplateArgs = true;
  return T.getNonReferenceType()
      .getCanonicalType()
      .getUnqualifiedType()
      .getAsString(Policy);
}

std::string callName(const CallExpr &Call) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (const Expr *Object = callObject(Call)) {
    QualType T = Object->IgnoreParenImpCasts()->getType();
    if (T->isPointerType())
      T = T->getPointeeType();
    return typeName(T, Callee->getASTContext()) +
           "::" + Callee->getNameAsString();
  }
  return apiName(*Callee);
}

const CXXRecordDecl *objectClass(const CallExpr &Call) {
  const Expr *Object = callObject(Call);
  if (!Object)
    return nullptr;
  // Look through the derived-to-base cast to the class the user named.
  QualType T = Object->IgnoreParenImpCasts()->getType();
  if (T->isPointerType())
    T = T->getPointeeType();
  return T->getAsCXXRecordDecl();
}

bool isCallNamedIn(const CallExpr &Call, const llvm::StringSet<> &Names) {
  return llvm::any_of(callKeys(Call), [&](const std::string &Key) {
    return Names.contains(Key);
  });
}

llvm::StringRef shortName(llvm::StringRef Qualified) {
  size_t Pos = Qualified.rfind("::");
  return Pos == llvm::StringRef::npos ? Qualified : Qualified.substr(Pos + 2);
}

llvm::SmallVector<std::string, 2> callKeys(const CallExpr &Call) {
  llvm::SmallVector<std::string, 2> Keys;
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee)
    return Keys;
  if (const auto *Method = dyn_cast<CXXMethodDecl>(Callee)) {
    if (const CXXRecordDecl *Object = objectClass(Call))
      if (Object->getCanonicalDecl() != Method->getParent()->getCanonicalDecl())
        Keys.push_back(apiName(*Object) + "::" + Callee->getNameAsString());
  }
  Keys.push_back(apiName(*Callee));
  // An override keeps the contract of the method a table names
  // ('folly::CPUThreadPoolExecutor::add' is 'folly::Executor::add').
  if (const auto *Method = dyn_cast<CXXMethodDecl>(Callee)) {
    llvm::SmallVector<const CXXMethodDecl *, 2> Pending(
        Method->overridden_methods());
    while (!Pending.empty() && Keys.size() < 8) {
      const CXXMethodDecl *Overridden = Pending.pop_back_val();
      Keys.push_back(apiName(*Overridden));
      llvm::append_range(Pending, Overridden->overridden_methods());
    }
  }
  return Keys;
}

llvm::SmallVector<std::string, 4> identifierWords(llvm::StringRef Name) {
  llvm::SmallVector<std::string, 4> Words;
  std::string Word;
  for (size_t I = 0; I < Name.size(); ++I) {
    char C = Name[I];
    if (!isAlphanumeric(C)) {
      if (!Word.empty())
        Words.push_back(std::move(Word));
      Word.clear();
      continue;
    }
    if (isUppercase(C) && !Word.empty() &&
        (!isUppercase(Name[I - 1]) ||
         (I + 1 < Name.size() && isLowercase(Name[I + 1])))) {
      Words.push_back(std::move(Word));
      Word.clear();
    }
    Word += toLowercase(C);
  }
  if (!Word.empty())
    Words.push_back(std::move(Word));
  return Words;
}

bool namesLibraryFunction(const FunctionDecl &Callee) {
  if (isa<CXXMethodDecl>(Callee))
    return false;
  const SourceManager &SM = Callee.getASTContext().getSourceManager();
  return Callee.isExternC() || Callee.isInExternCContext() ||
         SM.isInSystemHeader(Callee.getLocation());
}

} // namespace clang::tidy::async::model

//===--- Cancellation.cpp -------------------------------------------------===//

#include "Cancellation.h"
#include "ApiNames.h"
#include "AstHelpers.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"

namespace clang::tidy::async::model {

Cancellation::Cancellation(bool InferTokens) : InferTokens(InferTokens) {
#define ASYNC_CANCELLATION_TOKEN(Name) TokenTypes.insert(Name);
#define ASYNC_CANCELLATION_PROJECTION(Held, Member, Token)                     \
  Projections[Held].push_back({Member, Token});
#define ASYNC_CANCELLATION_INHERITED(Name) Inherited.insert(Name);
#define ASYNC_INFER_TOKEN_QUERY(Member) Queries.insert(Member);
#define ASYNC_INFER_TOKEN_PROBE(Member) Probes.insert(Member);
#define ASYNC_INFER_TOKEN_REQUEST(Member) Requests.insert(Member);
#define ASYNC_INFER_TOKEN_NOUN(Word) Nouns.insert(Word);
#include "Cancellation.def"
}

void Cancellation::clear() {
  Cache.clear();
  Roles.clear();
}

/// The class of \p T without references, const or template arguments.
static const CXXRecordDecl *recordOf(QualType T) {
  const CXXRecordDecl *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  return RD && RD->getIdentifier() ? RD : nullptr;
}

bool Cancellation::isTableToken(QualType T) const {
  const CXXRecordDecl *RD = recordOf(T);
  return RD && TokenTypes.contains(apiName(*RD));
}

const InferredRole *Cancellation::inferredToken(QualType T) const {
  const CXXRecordDecl *RD = recordOf(T);
  if (!InferTokens || !RD || TokenTypes.contains(apiName(*RD)))
    return nullptr;
  const Decl *Key = RD->getCanonicalDecl();
  auto Cached = Cache.find(Key);
  if (Cached != Cache.end())
    return Cached->second;
  const InferredRole *Role = inferToken(*RD);
  Cache[Key] = Role;
  return Role;
}

llvm::StringRef Cancellation::projection(QualType Held, QualType Wanted) const {
  const CXXRecordDecl *From = recordOf(Held);
  const CXXRecordDecl *To = recordOf(Wanted);
  if (!From || !To)
    return {};
  auto Found = Projections.find(apiName(*From));
  if (Found == Projections.end())
    return {};
  std::string WantedName = apiName(*To);
  for (const auto &[Member, Token] : Found->second)
    if (Token == WantedName)
      return Member;
  return {};
}

/// The first method of \p Class itself whose name is in \p Names.
static const CXXMethodDecl *methodIn(const CXXRecordDecl &Class,
                                     const llvm::StringSet<> &Names) {
  for (const CXXMethodDecl *Method : Class.methods())
    if (Method->getIdentifier() && Names.contains(Method->getName()))
      return Method;
  return nullptr;
}

const InferredRole *Cancellation::inferToken(const CXXRecordDecl &Class) const {
  // The standard library is described by the table alone.
  if (Class.isLambda() || Class.isInStdNamespace())
    return nullptr;
  const CXXRecordDecl *Members = classWithMembers(&Class);
  if (!Members)
    return nullptr;
  const CXXMethodDecl *Query = methodIn(*Members, Queries);
  if (!Query || !Query->isConst() || Query->getNumParams() != 0 ||
      !Query->getReturnType()->isBooleanType())
    return nullptr;
  // A source (std::stop_source has 'stop_requested' too) requests
  // cancellation; the token it hands out only observes it.
  if (methodIn(*Members, Requests))
    return nullptr;
  std::string Why = "'" + apiName(Class) +
                    "' is treated as a cancellation token: it has '" +
                    Query->getName().str() + "'";
  if (const CXXMethodDecl *Probe = methodIn(*Members, Probes))
    Why += " and '" + Probe->getName().str() + "'";
  else if (llvm::SmallVector<std::string, 4> Words =
               identifierWords(Class.getName());
           !Words.empty() && Nouns.contains(Words.back()))
    Why += ", and its name says '" + Words.back() + "'";
  else
    return nullptr;
  Roles.push_back({&Class, std::move(Why)});
  return &Roles.back();
}

} // namespace clang::tidy::async::model

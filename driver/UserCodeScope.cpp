//===--- UserCodeScope.cpp ------------------------------------------------===//

#include "UserCodeScope.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringRef.h"

using namespace clang;

namespace async_tidy {

bool onlyAsyncChecks(llvm::ArrayRef<std::string> EnabledChecks) {
  static constexpr llvm::StringRef Ours[] = {
#define ASYNC_CHECK(Name, Class, Header, Default, Summary) Name,
#include "checks/CheckCatalog.def"
  };
  return llvm::all_of(EnabledChecks, [](const std::string &Check) {
    return llvm::is_contained(Ours, Check);
  });
}

void UserCodeScope::HandleTranslationUnit(ASTContext &Context) {
  const SourceManager &SM = Context.getSourceManager();
  std::vector<Decl *> Scope;
  // Lexical order, as a whole-TU walk visits them. A declaration spelled by
  // a macro belongs where the macro is used.
  for (Decl *D : Context.getTranslationUnitDecl()->decls())
    if (!SM.isInSystemHeader(SM.getExpansionLoc(D->getLocation())))
      Scope.push_back(D);
  Context.setTraversalScope(Scope);
}

} // namespace async_tidy

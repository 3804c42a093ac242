//===--- AsyncContextCheck.cpp --------------------------------------------===//

#include "AsyncContextCheck.h"
#include "checks/model/ApiNames.h"
#include "checks/model/ContextDescription.h"
#include "llvm/ADT/DenseSet.h"

namespace clang::tidy::async {

AsyncContextCheck::AsyncContextCheck(StringRef Name, ClangTidyContext *Context)
    : AsyncModelCheck(Name, Context),
      BlockingFunctionsOption(Options.get("BlockingFunctions", "")),
      AllowedFunctionsOption(Options.get("AllowedFunctions", "")) {
  assignRegexOption(BlockingFunctions, "BlockingFunctions",
                    BlockingFunctionsOption);
  assignRegexOption(AllowedFunctions, "AllowedFunctions",
                    AllowedFunctionsOption);
}

void AsyncContextCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  AsyncModelCheck::storeOptions(Opts);
  Options.store(Opts, "BlockingFunctions", BlockingFunctionsOption);
  Options.store(Opts, "AllowedFunctions", AllowedFunctionsOption);
}

static bool anyKeyMatches(const CallExpr &Call, const model::RegexList &List) {
  if (List.empty())
    return false;
  return llvm::any_of(model::callKeys(Call), [&List](const std::string &Key) {
    return List.matches(Key);
  });
}

bool AsyncContextCheck::isListedBlocking(const CallExpr &Call) const {
  return anyKeyMatches(Call, BlockingFunctions);
}

bool AsyncContextCheck::isAllowed(const CallExpr &Call) const {
  return anyKeyMatches(Call, AllowedFunctions);
}

void AsyncContextCheck::onStartOfTranslationUnit() {
  Candidates.clear();
  Ctx = nullptr;
}

void AsyncContextCheck::addCandidate(const CallExpr *Call,
                                     ASTContext &Context) {
  Ctx = &Context;
  Candidates.push_back(Call);
}

void AsyncContextCheck::onEndOfTranslationUnit() {
  if (Candidates.empty() || !Ctx)
    return;
  model::AsyncContextIndex Index(*Ctx, model(), Candidates);
  // A statement shared by several template instantiations is matched once
  // per instantiation; judge it once.
  llvm::DenseSet<SourceLocation> Seen;
  for (const Stmt *S : Candidates) {
    const auto *Call = cast<CallExpr>(S);
    if (Seen.contains(Call->getExprLoc()))
      continue;
    for (const model::CandidateSite &Site : Index.sites(Call)) {
      if (std::optional<model::AsyncPath> Path = Index.pathTo(Site.Callable)) {
        Seen.insert(Call->getExprLoc());
        checkInAsyncContext(*Call, Site, *Path, Index);
        break;
      }
    }
  }
  Candidates.clear();
}

void AsyncContextCheck::diagContextNotes(const model::AsyncPath &Path) {
  model::emitContextNotes(Path, [this](SourceLocation Loc, StringRef Message) {
    diag(Loc, "%0", DiagnosticIDs::Note) << Message;
  });
}

} // namespace clang::tidy::async

//===--- AsyncContextCheck.cpp --------------------------------------------===//

#include "AsyncContextCheck.h"
#include "checks/model/ApiNames.h"
#include "checks/model/ContextDescription.h"
#include "llvm/ADT/DenseSet.h"

namespace clang::tidy::async {

AsyncContextCheck::AsyncContextCheck(StringRef Name, ClangTidyContext *Context)
    : AsyncModelCheck(Name, Context),
      BlockingFunctions(*this, "BlockingFunctions"),
      AllowedFunctions(*this, "AllowedFunctions") {}

bool AsyncContextCheck::isListedBlocking(const CallExpr &Call) const {
  return BlockingFunctions.matchesCall(Call);
}

bool AsyncContextCheck::isAllowed(const CallExpr &Call) const {
  return AllowedFunctions.matchesCall(Call);
}

void AsyncContextCheck::onStartOfTranslationUnit() {
  AsyncModelCheck::onStartOfTranslationUnit();
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
  model::AsyncContextIndex Index(*Ctx, model(), Candidates, offloadMayBlock());
  // A statement shared by several template instantiations is matched once
  // per instantiation; judge it once.
  llvm::DenseSet<SourceLocation> Seen;
  for (const Stmt *S : Candidates) {
    const auto *Call = cast<CallExpr>(S);
    if (Seen.contains(Call->getExprLoc()))
      continue;
    for (const model::CandidateSite &Site : Index.sites(Call)) {
      if (Site.AfterOffload)
        continue;
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
  if (Path.Root->Scheduler)
    noteInferred(model().inferredScheduling(*Path.Root->Scheduler));
}

} // namespace clang::tidy::async

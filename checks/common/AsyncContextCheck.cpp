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

void AsyncContextCheck::addCandidate(const Stmt *Candidate,
                                     ASTContext &Context) {
  Ctx = &Context;
  Candidates.push_back(Candidate);
}

void AsyncContextCheck::onEndOfTranslationUnit() {
  if (Candidates.empty() || !Ctx)
    return;
  model::AsyncContextIndex Index(*Ctx, model(), Candidates, offloadMayBlock());
  // A statement shared by several template instantiations is matched once
  // per instantiation; judge it once.
  llvm::DenseSet<SourceLocation> Seen;
  for (const Stmt *S : Candidates) {
    const auto *E = dyn_cast<Expr>(S);
    SourceLocation Loc = E ? E->getExprLoc() : S->getBeginLoc();
    if (Seen.contains(Loc))
      continue;
    for (const model::CandidateSite &Site : Index.sites(S)) {
      if (Site.AfterOffload)
        continue;
      if (std::optional<model::AsyncPath> Path = Index.pathTo(Site.Callable)) {
        Seen.insert(Loc);
        checkInAsyncContext(*S, Site, *Path, Index);
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

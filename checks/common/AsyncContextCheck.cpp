//===--- AsyncContextCheck.cpp --------------------------------------------===//

#include "AsyncContextCheck.h"
#include "checks/model/ApiNames.h"
#include "checks/model/ContextDescription.h"
#include "checks/model/Summaries.h"
#include "llvm/ADT/DenseSet.h"

using namespace clang::ast_matchers;

namespace clang::tidy::async {

/// Hands the cross-file matches to the check without going through its own
/// check().
class AsyncContextCheck::CrossFileMatches : public MatchFinder::MatchCallback {
public:
  explicit CrossFileMatches(AsyncContextCheck &Check) : Check(Check) {}
  void run(const MatchFinder::MatchResult &Result) override {
    Check.matchCrossFile(Result);
  }

private:
  AsyncContextCheck &Check;
};

AsyncContextCheck::AsyncContextCheck(StringRef Name, ClangTidyContext *Context)
    : AsyncModelCheck(Name, Context),
      BlockingFunctions(*this, "BlockingFunctions"),
      AllowedFunctions(*this, "AllowedFunctions") {}

AsyncContextCheck::~AsyncContextCheck() = default;

bool AsyncContextCheck::isListedBlocking(const CallExpr &Call) const {
  return BlockingFunctions.matchesCall(Call);
}

bool AsyncContextCheck::isAllowed(const CallExpr &Call) const {
  return AllowedFunctions.matchesCall(Call);
}

void AsyncContextCheck::onStartOfTranslationUnit() {
  AsyncModelCheck::onStartOfTranslationUnit();
  Candidates.clear();
  CrossFile.clear();
  Callees.clear();
  Ctx = nullptr;
}

void AsyncContextCheck::addCandidate(const Stmt *Candidate,
                                     ASTContext &Context) {
  Ctx = &Context;
  Candidates.push_back(Candidate);
}

void AsyncContextCheck::registerCrossFileMatchers(MatchFinder *Finder) {
  bool Follow = model().projectIndex();
  bool Record = model::activeSummaryRecorder();
  if (!Follow && !Record)
    return;
  CrossFileCallback = std::make_unique<CrossFileMatches>(*this);
  if (Follow)
    Finder->addMatcher(
        callExpr(unless(isExpansionInSystemHeader()),
                 callee(functionDecl(unless(isExpansionInSystemHeader()))))
            .bind("call"),
        CrossFileCallback.get());
  if (Record)
    Finder->addMatcher(translationUnitDecl().bind("unit"),
                       CrossFileCallback.get());
}

void AsyncContextCheck::matchCrossFile(const MatchFinder::MatchResult &Result) {
  if (Result.Nodes.getNodeAs<TranslationUnitDecl>("unit")) {
    Ctx = Result.Context;
    return;
  }
  const auto *Call = Result.Nodes.getNodeAs<CallExpr>("call");
  if (const model::CrossFileEffect *Effect =
          Callees.lookup(*Call, getID(), model())) {
    CrossFile.try_emplace(Call, *Effect);
    addCandidate(Call, *Result.Context);
  }
}

void AsyncContextCheck::onEndOfTranslationUnit() {
  bool Record =
      model::activeSummaryRecorder() && Ctx && !crossFileWords().Noun.empty();
  if ((Candidates.empty() && !Record) || !Ctx)
    return;
  model::AsyncContextIndex Index(*Ctx, model(), Candidates, offloadMayBlock());
  if (Record)
    recordSummary(Index);
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
        auto Cross = CrossFile.find(S);
        if (Cross != CrossFile.end())
          reportCrossFile(*cast<CallExpr>(S), Site, *Path, Cross->second);
        else
          checkInAsyncContext(*S, Site, *Path, Index);
        break;
      }
    }
  }
  Candidates.clear();
  CrossFile.clear();
}

void AsyncContextCheck::recordSummary(const model::AsyncContextIndex &Index) {
  model::SummaryRecorder &Recorder = *model::activeSummaryRecorder();
  const SourceManager &SM = Ctx->getSourceManager();
  Recorder.addContext(Index, model(), SM);
  for (const Stmt *S : Candidates) {
    const auto *Call = dyn_cast<CallExpr>(S);
    if (!Call || CrossFile.count(S))
      continue;
    for (const model::CandidateSite &Site : Index.sites(S))
      if (std::optional<std::string> What = summaryEffect(*S, Site))
        Recorder.addEffect(getID(), *Site.Callable, *Call, *What, model(), SM);
  }
}

void AsyncContextCheck::reportCrossFile(const CallExpr &Call,
                                        const model::CandidateSite &Site,
                                        const model::AsyncPath &Path,
                                        const model::CrossFileEffect &Effect) {
  CrossFileWords Words = crossFileWords();
  std::string Callee = Effect.Steps.front().Function;
  diag(Call.getExprLoc(), "'%0' reaches %1 '%2' (%3) inside %4; make '%0' "
                          "asynchronous %5")
      << Callee << Words.Noun << Effect.What << lastStepPlace(Effect)
      << model::describeContext(Path, *Site.Callable) << Words.Advice;
  diagContextNotes(Path);
  emitCrossFileSteps(Ctx->getSourceManager(), Effect, Words.LastVerb,
                     Call.getExprLoc(),
                     [this](SourceLocation Loc, StringRef Text) {
                       diag(Loc, "%0", DiagnosticIDs::Note) << Text;
                     });
}

void AsyncContextCheck::diagContextNotes(const model::AsyncPath &Path) {
  model::emitContextNotes(Path, [this](SourceLocation Loc, StringRef Message) {
    diag(Loc, "%0", DiagnosticIDs::Note) << Message;
  });
  if (Path.Root->Scheduler)
    noteInferred(model().inferredScheduling(*Path.Root->Scheduler));
}

} // namespace clang::tidy::async

//===--- AsyncContextCheck.cpp --------------------------------------------===//

#include "AsyncContextCheck.h"
#include "checks/model/ApiNames.h"
#include "checks/model/ContextDescription.h"
#include "checks/model/Summaries.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/Support/Path.h"

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
  const FunctionDecl *Callee = Call->getDirectCallee();
  // A function defined here is followed within the translation unit.
  if (!Callee || Callee->hasBody())
    return;
  auto [It, Inserted] = Callees.try_emplace(Callee->getCanonicalDecl());
  if (Inserted) {
    std::string Usr = model::usrOf(*Callee);
    if (!Usr.empty())
      It->second =
          model().projectIndex()->effect(getID(), Usr, model().maxCallDepth());
  }
  const std::optional<model::CrossFileEffect> &Effect = It->second;
  if (!Effect)
    return;
  CrossFile.try_emplace(Call, *Effect);
  addCandidate(Call, *Result.Context);
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
  if (!Recorder.hasCalls())
    Recorder.addCalls(Index, model(), SM);
  Recorder.addAsyncCallees(Index);
  for (const Stmt *S : Candidates) {
    const auto *Call = dyn_cast<CallExpr>(S);
    if (!Call || CrossFile.count(S))
      continue;
    for (const model::CandidateSite &Site : Index.sites(S))
      if (std::optional<std::string> What = summaryEffect(*S, Site))
        Recorder.addEffect(getID(), *Site.Callable, *Call, *What, model(), SM);
  }
}

/// \p Line and \p Column of \p File, loading the file when the translation
/// unit did not read it; invalid when it cannot be read.
static SourceLocation locationIn(SourceManager &SM, StringRef File,
                                 unsigned Line, unsigned Column) {
  llvm::Expected<FileEntryRef> Entry =
      SM.getFileManager().getFileRef(File, /*OpenFile=*/true);
  if (!Entry) {
    llvm::consumeError(Entry.takeError());
    return {};
  }
  FileID ID = SM.translateFile(*Entry);
  if (ID.isInvalid())
    ID = SM.createFileID(*Entry, SourceLocation(), SrcMgr::C_User);
  return SM.translateLineCol(ID, Line, std::max(Column, 1U));
}

void AsyncContextCheck::reportCrossFile(const CallExpr &Call,
                                        const model::CandidateSite &Site,
                                        const model::AsyncPath &Path,
                                        const model::CrossFileEffect &Effect) {
  CrossFileWords Words = crossFileWords();
  const model::CrossFileStep &Last = Effect.Steps.back();
  std::string Callee = Effect.Steps.front().Function;
  std::string Where =
      (llvm::sys::path::filename(Last.File) + ":" + llvm::Twine(Last.Line))
          .str();
  diag(Call.getExprLoc(), "'%0' reaches %1 '%2' (%3) inside %4; make '%0' "
                          "asynchronous %5")
      << Callee << Words.Noun << Effect.What << Where
      << model::describeContext(Path, *Site.Callable) << Words.Advice;
  diagContextNotes(Path);
  SourceManager &SM = Ctx->getSourceManager();
  for (const model::CrossFileStep &Step : Effect.Steps) {
    std::string Text =
        ("'" + Step.Function + "' in " + llvm::sys::path::filename(Step.File) +
         ":" + llvm::Twine(Step.Line) + " ")
            .str();
    Text += Step.Callee.empty() ? "blocks on '" + Effect.What + "'"
                                : "calls '" + Step.Callee + "'";
    SourceLocation Loc = locationIn(SM, Step.File, Step.Line, Step.Column);
    diag(Loc.isValid() ? Loc : Call.getExprLoc(), "%0", DiagnosticIDs::Note)
        << Text;
  }
}

void AsyncContextCheck::diagContextNotes(const model::AsyncPath &Path) {
  model::emitContextNotes(Path, [this](SourceLocation Loc, StringRef Message) {
    diag(Loc, "%0", DiagnosticIDs::Note) << Message;
  });
  if (Path.Root->Scheduler)
    noteInferred(model().inferredScheduling(*Path.Root->Scheduler));
}

} // namespace clang::tidy::async

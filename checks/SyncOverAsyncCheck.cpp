//===--- SyncOverAsyncCheck.cpp - async-sync-over-async -------------------===//

#include "SyncOverAsyncCheck.h"
#include "checks/model/ApiNames.h"
#include "checks/model/AstHelpers.h"
#include "checks/model/ContextDescription.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"

using namespace clang::ast_matchers;

namespace clang::tidy::async {

using model::BlockingWaitApi;
using model::WaitKind;

/// The entry given to waits listed in BlockingFunctions.
static const BlockingWaitApi UserListedWait = {
    "", WaitKind::Wait, "wait for the result asynchronously"};

SyncOverAsyncCheck::SyncOverAsyncCheck(StringRef Name,
                                       ClangTidyContext *Context)
    : AsyncContextCheck(Name, Context) {}

namespace {
AST_MATCHER_P(FunctionDecl, hasNameIn, const llvm::StringSet<> *, Names) {
  const IdentifierInfo *Name = Node.getIdentifier();
  return Name && Names->contains(Name->getName());
}
} // namespace

void SyncOverAsyncCheck::registerMatchers(MatchFinder *Finder) {
  // The callee's name is one hash lookup; the system-header test after it
  // runs only for the few calls that survive. Waits named by regex in
  // BlockingFunctions need every call.
  auto Callee = hasListedBlocking()
                    ? functionDecl()
                    : functionDecl(hasNameIn(&model().blockingWaitNames()));
  Finder->addMatcher(
      callExpr(callee(Callee), unless(isExpansionInSystemHeader()))
          .bind("call"),
      this);
  registerCrossFileMatchers(Finder);
}

const BlockingWaitApi *SyncOverAsyncCheck::waitFor(const CallExpr &Call) const {
  const BlockingWaitApi *Api = model().blockingWait(Call);
  if ((!Api && !isListedBlocking(Call)) || isAllowed(Call))
    return nullptr;
  return Api ? Api : &UserListedWait;
}

static bool isZeroValue(const APValue &Value) {
  switch (Value.getKind()) {
  case APValue::Int:
    return Value.getInt().isZero();
  case APValue::Float:
    return Value.getFloat().isZero();
  case APValue::Struct:
    for (unsigned I = 0; I < Value.getStructNumBases(); ++I)
      if (!isZeroValue(Value.getStructBase(I)))
        return false;
    for (unsigned I = 0; I < Value.getStructNumFields(); ++I)
      if (!isZeroValue(Value.getStructField(I)))
        return false;
    return true;
  default:
    return false;
  }
}

/// A timeout that is zero (0s, seconds(0), duration::zero(), any constant
/// that folds to zero) or the present (clock::now()): a timed wait with it
/// polls instead of blocking.
static bool isZeroTimeout(const Expr *E, const ASTContext &Ctx,
                          const model::AsyncModel &Model) {
  E = E->IgnoreParenImpCasts();
  if (const auto *Temp = dyn_cast<MaterializeTemporaryExpr>(E))
    E = Temp->getSubExpr()->IgnoreParenImpCasts();
  Expr::EvalResult Result;
  if (!E->isValueDependent() && E->EvaluateAsRValue(Result, Ctx) &&
      isZeroValue(Result.Val))
    return true;
  const auto *Call = dyn_cast<CallExpr>(E->IgnoreImplicit());
  return Call && Model.isCurrentTime(*Call);
}

bool SyncOverAsyncCheck::isPoll(const CallExpr &Call,
                                const BlockingWaitApi &Api) const {
  return Api.Kind == WaitKind::TimedWait && Call.getNumArgs() >= 1 &&
         isZeroTimeout(Call.getArg(0), Call.getDirectCallee()->getASTContext(),
                       model());
}

bool SyncOverAsyncCheck::isGuardedByReadyCheck(
    const CallExpr &Call, const model::CandidateSite &Site) const {
  const ValueDecl *Waited = model::referencedDecl(model::callSubject(Call));
  if (!Waited || Site.Guards.empty())
    return false;
  // Look for 'f.wait_for(0s) == ready', 'f.is_ready()' on the same object.
  llvm::SmallVector<const Stmt *, 16> Work(Site.Guards.begin(),
                                           Site.Guards.end());
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    if (const auto *Probe = dyn_cast<CallExpr>(S)) {
      if (model::referencedDecl(model::callSubject(*Probe)) == Waited) {
        if (model().isReadinessCheck(*Probe))
          return true;
        if (const BlockingWaitApi *Api = model().blockingWait(*Probe))
          if (isPoll(*Probe, *Api))
            return true;
      }
    }
    for (const Stmt *Child : S->children())
      if (Child)
        Work.push_back(Child);
  }
  return false;
}

void SyncOverAsyncCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Call = Result.Nodes.getNodeAs<CallExpr>("call");
  const BlockingWaitApi *Api = waitFor(*Call);
  if (!Api || isPoll(*Call, *Api))
    return;
  addCandidate(Call, *Result.Context);
}

/// 'co_await x' needs parentheses unless it stands alone or as a whole
/// initializer, argument or return value.
static bool needsParens(const Stmt *Parent) {
  return Parent && !isa<CompoundStmt, DeclStmt, ReturnStmt, CoreturnStmt,
                        CallExpr, InitListExpr, ParenExpr>(Parent);
}

void SyncOverAsyncCheck::checkInAsyncContext(const Stmt &Candidate,
                                             const model::CandidateSite &Site,
                                             const model::AsyncPath &Path,
                                             const model::AsyncContextIndex &) {
  const auto &Call = cast<CallExpr>(Candidate);
  const BlockingWaitApi *Api = waitFor(Call);
  if (!Api || isGuardedByReadyCheck(Call, Site))
    return;
  const ValueDecl *Waited = model::referencedDecl(model::callSubject(Call));
  const model::AsyncRoot &Root = *Path.Root;
  // A continuation receives its antecedent already completed: waiting on
  // that parameter returns at once.
  if (Path.Chain.empty() && Root.Kind == model::RootKind::Continuation &&
      isa_and_nonnull<ParmVarDecl>(Waited))
    return;
  // Running an event loop from a handler of another executor (a loop per
  // pool thread) is a design, not a re-entrance.
  if (Api->Kind == WaitKind::EventLoop && Root.Scheduler &&
      (Root.Kind == model::RootKind::Handler ||
       Root.Kind == model::RootKind::Continuation)) {
    if (!Waited ||
        model::referencedDecl(model::callSubject(*Root.Scheduler)) != Waited)
      return;
  }

  ASTContext &Ctx = Site.Callable->getASTContext();
  const SourceManager &SM = Ctx.getSourceManager();
  std::string Context = model::describeContext(Path, *Site.Callable);
  std::string Name = model::callName(Call);

  const Expr *Awaited = model::callSubject(Call);
  bool CanAwait = model::isCoroutine(*Site.Callable) && Awaited &&
                  model().isAwaitableType(Awaited->getType()) &&
                  Api->Kind != WaitKind::EventLoop;
  StringRef Alternative =
      CanAwait ? "use 'co_await' instead" : Api->Alternative;

  {
    auto Diag =
        Api->Kind == WaitKind::EventLoop
            ? diag(Call.getExprLoc(), "'%0' runs an event loop inside %1, "
                                      "blocking the thread that runs it; %2")
            : diag(Call.getExprLoc(), "blocking wait '%0' inside %1; %2");
    Diag << Name << Context << Alternative;

    // Replace the whole wait by 'co_await <awaited>' when the wait returns
    // what co_await returns: a member get() on an awaitable or sync_wait(x).
    bool WholeCallIsWait = model::callObject(Call) ? Call.getNumArgs() == 0
                                                   : Call.getNumArgs() == 1;
    if (CanAwait && WholeCallIsWait && Api->Kind == WaitKind::Result &&
        !Call.getBeginLoc().isMacroID() && !Call.getEndLoc().isMacroID()) {
      StringRef AwaitedText =
          Lexer::getSourceText(CharSourceRange::getTokenRange(
                                   Awaited->IgnoreImplicit()->getSourceRange()),
                               SM, Ctx.getLangOpts());
      if (!AwaitedText.empty()) {
        // A named move-only future without a member operator co_await is
        // awaited by moving it (Seastar's operator co_await takes
        // future<T> &&, Asio's await_transform an awaitable by value).
        const Expr *Subject = Awaited->IgnoreImplicit();
        const CXXRecordDecl *Class =
            model::classWithMembers(Subject->getType()->getAsCXXRecordDecl());
        bool Move = Subject->isLValue() && Class &&
                    model::isMoveOnly(Subject->getType()) &&
                    !model::hasAwaiterShape(*Class);
        std::string Replacement =
            Move ? ("co_await std::move(" + AwaitedText + ")").str()
                 : ("co_await " + AwaitedText).str();
        if (needsParens(Site.Parent))
          Replacement = "(" + Replacement + ")";
        Diag << FixItHint::CreateReplacement(Call.getSourceRange(),
                                             Replacement);
      }
    }
  }
  diagContextNotes(Path);
  noteInferred(model().inferredWait(Call));
}

SyncOverAsyncCheck::CrossFileWords SyncOverAsyncCheck::crossFileWords() const {
  return {"blocking wait", "and await it"};
}

std::optional<std::string>
SyncOverAsyncCheck::summaryEffect(const Stmt &Candidate,
                                  const model::CandidateSite &Site) {
  const auto &Call = cast<CallExpr>(Candidate);
  const BlockingWaitApi *Api = waitFor(Call);
  // Whether an event loop may run depends on who runs the handler.
  if (!Api || Api->Kind == WaitKind::EventLoop || isPoll(Call, *Api) ||
      isGuardedByReadyCheck(Call, Site))
    return std::nullopt;
  return model::callName(Call);
}

} // namespace clang::tidy::async

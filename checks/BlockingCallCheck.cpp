//===--- BlockingCallCheck.cpp - async-blocking-call ----------------------===//

#include "BlockingCallCheck.h"
#include "checks/model/ApiNames.h"
#include "checks/model/AstHelpers.h"
#include "checks/model/ContextDescription.h"
#include "checks/model/CoroutineLocks.h"
#include "checks/model/HeldLocks.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::async {

BlockingCallCheck::BlockingCallCheck(StringRef Name, ClangTidyContext *Context)
    : AsyncContextCheck(Name, Context) {}

void BlockingCallCheck::onStartOfTranslationUnit() {
  AsyncContextCheck::onStartOfTranslationUnit();
  SeenCoroutineBodies.clear();
  NonBlocking.clear();
}

void BlockingCallCheck::registerMatchers(MatchFinder *Finder) {
  // Any call can have an asynchronous sibling, so every call outside system
  // headers is a candidate; check() keeps the few that block.
  Finder->addMatcher(
      callExpr(unless(isExpansionInSystemHeader()), callee(functionDecl()))
          .bind("call"),
      this);
  // Coroutines, for locks held across their suspensions. Template patterns
  // stand for their instantiations.
  Finder->addMatcher(
      functionDecl(isDefinition(), unless(isExpansionInSystemHeader()),
                   unless(ast_matchers::isTemplateInstantiation()),
                   hasBody(coroutineBodyStmt()))
          .bind("coroutine"),
      this);
  registerCrossFileMatchers(Finder);
}

std::optional<std::string>
BlockingCallCheck::alternativeFor(const CallExpr &Call) const {
  if (isAllowed(Call))
    return std::nullopt;
  std::optional<std::string> Alternative;
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (const model::BlockingCallApi *Api = model().blockingCall(Call))
    Alternative = Api->Alternative.str();
  else if (const NamedDecl *Sibling = model().asyncSibling(*Callee))
    Alternative = "use its asynchronous sibling '" +
                  Sibling->getNameAsString() + "' instead";
  else if (isListedBlocking(Call))
    Alternative = "use an asynchronous alternative";
  // A wait or lock that returns an awaitable suspends the coroutine.
  if (Alternative && model().isAwaitableType(Call.getType()))
    return std::nullopt;
  return Alternative;
}

void BlockingCallCheck::check(const MatchFinder::MatchResult &Result) {
  if (const auto *Coroutine =
          Result.Nodes.getNodeAs<FunctionDecl>("coroutine")) {
    checkLocksAcrossSuspensions(*Coroutine);
    return;
  }
  const auto *Call = Result.Nodes.getNodeAs<CallExpr>("call");
  if (alternativeFor(*Call))
    addCandidate(Call, *Result.Context);
}

/// Whether \p Call reads a stream parameter of its function that the calls
/// of \p Path give an in-memory stream ('consume(std::istream &s)' called
/// with a stream over the asio::streambuf a read filled).
static bool readsInMemoryArgument(const CallExpr &Call,
                                  const model::AsyncPath &Path,
                                  const model::AsyncModel &Model) {
  const Expr *Stream = model::callSubject(Call);
  for (const model::CallEdge &Edge : llvm::reverse(Path.Chain)) {
    const auto *Param =
        dyn_cast_or_null<ParmVarDecl>(model::referencedDecl(Stream));
    if (!Param || !Edge.Call ||
        cast<Decl>(Param->getDeclContext())->getCanonicalDecl() != Edge.Callee)
      return false;
    Stream = model::argumentFor(*Edge.Call, *Param);
    if (!Stream)
      return false;
    if (Model.isInMemoryStream(Stream))
      return true;
  }
  return false;
}

void BlockingCallCheck::checkInAsyncContext(const Stmt &Candidate,
                                            const model::CandidateSite &Site,
                                            const model::AsyncPath &Path,
                                            const model::AsyncContextIndex &) {
  const auto &Call = cast<CallExpr>(Candidate);
  std::optional<std::string> Alternative = alternativeFor(Call);
  if (!Alternative ||
      NonBlocking.returnsInstead(Call, *Site.Callable, model()) ||
      readsInMemoryArgument(Call, Path, model()))
    return;
  diag(Call.getExprLoc(), "blocking call '%0' inside %1; %2")
      << model::callName(Call) << model::describeContext(Path, *Site.Callable)
      << *Alternative;
  diagContextNotes(Path);
  noteInferred(model().inferredMutexLock(Call));
}

void BlockingCallCheck::checkLocksAcrossSuspensions(
    const FunctionDecl &Coroutine) {
  const Stmt *Body = Coroutine.getBody();
  if (!SeenCoroutineBodies.insert(Body).second)
    return;
  std::string Where = model::callableName(Coroutine);
  Where = Where.empty() ? "a coroutine lambda" : "coroutine '" + Where + "'";
  // A lock taken by co_await blocks no thread; a co_awaited wait given the
  // lock releases it while suspended, so a later suspension may still count.
  llvm::DenseSet<const VarDecl *> Reported;
  model::forEachEventUnderLock(
      Body, model(), model::isSuspension, /*FirstOnly=*/false,
      [&](const VarDecl &Lock, const Stmt &Suspension) {
        if (Reported.contains(&Lock) ||
            model::isAcquiredBySuspension(Lock, model()) ||
            model::releasesWhileSuspended(Lock, Suspension, model()))
          return;
        Reported.insert(&Lock);
        bool Yield = isa<CoyieldExpr>(Suspension);
        diag(Lock.getLocation(),
             "lock '%0' of type '%1' is held across a suspension point in "
             "%2; end its scope or unlock it before the suspension, or use "
             "an asynchronous mutex")
            << Lock.getName()
            << model::typeName(Lock.getType(), Lock.getASTContext()) << Where;
        diag(Suspension.getBeginLoc(), "'%0' suspends here while '%1' is held",
             DiagnosticIDs::Note)
            << (Yield ? "co_yield" : "co_await") << Lock.getName();
        noteInferred(model().inferredLock(Lock.getType()));
      });
}

BlockingCallCheck::CrossFileWords BlockingCallCheck::crossFileWords() const {
  return {"blocking call", "or run it on an executor meant for blocking work"};
}

std::optional<std::string>
BlockingCallCheck::summaryEffect(const Stmt &Candidate,
                                 const model::CandidateSite &Site) {
  const auto &Call = cast<CallExpr>(Candidate);
  if (!alternativeFor(Call) ||
      NonBlocking.returnsInstead(Call, *Site.Callable, model()))
    return std::nullopt;
  return model::callName(Call);
}

} // namespace clang::tidy::async

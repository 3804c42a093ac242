//===--- Handoff.cpp ------------------------------------------------------===//

#include "Handoff.h"
#include "AstHelpers.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"

namespace clang::tidy::async::model {

/// An argument that can be called.
static bool isCallable(const Expr &Arg) {
  return isCallableType(Arg.IgnoreParenImpCasts()->getType());
}

/// The argument of \p Call that ties its work to a context object: a
/// pointer to one right before the first callable argument.
static std::optional<unsigned> contextArgument(const CallExpr &Call,
                                               const AsyncModel &Model) {
  for (unsigned I = 1; I < Call.getNumArgs(); ++I) {
    if (!isCallable(*Call.getArg(I)))
      continue;
    if (Model.isContextObjectPointer(Call.getArg(I - 1)->getType()))
      return I - 1;
    return std::nullopt;
  }
  return std::nullopt;
}

std::optional<Handoff> handoff(const CallExpr &Call, const AsyncModel &Model) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee)
    return std::nullopt;
  std::optional<unsigned> Token = Model.spawnTokenIndex(Call);
  bool Detached = false;
  if (Token) {
    const Expr *TokenArg = Call.getArg(*Token);
    Detached = Model.isDetachedToken(TokenArg->getType()) ||
               isa<LambdaExpr>(writtenExpr(TokenArg));
  }
  if (std::optional<SchedulingApi> Api = Model.schedulingCall(Call)) {
    if (Api->Kind == SchedulingKind::Continuation)
      return Handoff{HandoffKind::Continuation, 0, Detached, std::nullopt};
    return Handoff{HandoffKind::Handler, 0, Detached,
                   contextArgument(Call, Model)};
  }
  // Every argument of a spawn (co_spawn) is work.
  if (Token)
    return Handoff{HandoffKind::Handler, 0, Detached, std::nullopt};
  if (Model.isCompletionInitiator(*Callee) && Call.getNumArgs() > 0)
    return Handoff{HandoffKind::CompletionHandler, Call.getNumArgs() - 1,
                   false, std::nullopt};
  return std::nullopt;
}

} // namespace clang::tidy::async::model

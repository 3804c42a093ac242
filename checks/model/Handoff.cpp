//===--- Handoff.cpp ------------------------------------------------------===//

#include "Handoff.h"
#include "AstHelpers.h"

namespace clang::tidy::async::model {

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
  if (std::optional<SchedulingApi> Api = Model.schedulingCall(Call))
    return Handoff{Api->Kind == SchedulingKind::Continuation
                       ? HandoffKind::Continuation
                       : HandoffKind::Handler,
                   0, Detached};
  // Every argument of a spawn (co_spawn) is work.
  if (Token)
    return Handoff{HandoffKind::Handler, 0, Detached};
  if (Model.isCompletionInitiator(*Callee) && Call.getNumArgs() > 0)
    return Handoff{HandoffKind::CompletionHandler, Call.getNumArgs() - 1,
                   false};
  return std::nullopt;
}

} // namespace clang::tidy::async::model

//===--- DetachedDanglingReferenceCheck.h - async-detached-dangling-reference
//===//

#ifndef ASYNC_TIDY_CHECKS_DETACHEDDANGLINGREFERENCECHECK_H
#define ASYNC_TIDY_CHECKS_DETACHEDDANGLINGREFERENCECHECK_H

#include "common/FunctionBodyCheck.h"
#include "common/RegexOption.h"

namespace clang::tidy::async {

/// Finds work that outlives the scope that starts it (posted handlers,
/// co_spawn(..., detached), detached threads, continuations nobody waits
/// for) while it refers to objects that scope owns: locals captured by
/// reference, locals bound to a coroutine's reference parameters,
/// temporaries, 'this' of a shared_ptr-owned object, and request-scoped
/// objects reached through references.
///
/// For the user-facing documentation see
/// docs/checks/async-detached-dangling-reference.md
class DetachedDanglingReferenceCheck : public FunctionBodyCheck {
public:
  DetachedDanglingReferenceCheck(StringRef Name, ClangTidyContext *Context);

private:
  void checkBody(const FunctionDecl &Function, const Stmt &Body,
                 bool IsCoroutine, ASTContext &Ctx) override;
  /// Where detached work starts: the call, and its name for messages.
  struct Work {
    const Expr *Start;
    std::string Name;
    /// A local object whose destruction cancels the work: the I/O object a
    /// completion handler's operation runs on, or the context object the
    /// work is tied to (QTimer::singleShot(ms, &guard, f)).
    const VarDecl *Canceller = nullptr;
    /// The canceller is a context object: once it is destroyed the work
    /// never runs, so the work may refer to it too (a cancelled completion
    /// handler still runs, with an error).
    bool CancellerIsContext = false;
  };
  class FunctionScan;

  RegexOption RequestScopedTypes;
};

} // namespace clang::tidy::async

#endif // ASYNC_TIDY_CHECKS_DETACHEDDANGLINGREFERENCECHECK_H

//===--- DetachedDanglingReferenceCheck.h - async-detached-dangling-reference
//===//

#ifndef ASYNC_TIDY_CHECKS_DETACHEDDANGLINGREFERENCECHECK_H
#define ASYNC_TIDY_CHECKS_DETACHEDDANGLINGREFERENCECHECK_H

#include "checks/model/ProjectIndex.h"
#include "common/FunctionBodyCheck.h"
#include "common/RegexOption.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SetVector.h"

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
  void onStartOfTranslationUnit() override;
  void onEndOfTranslationUnit() override;

private:
  void checkBody(const FunctionDecl &Function, const Stmt &Body,
                 bool IsCoroutine, ASTContext &Ctx) override;
  /// Where a helper of this file detaches the work handed to it: the
  /// helper, the call that detaches ('std::thread::detach'), and where.
  struct HelperDetach {
    std::string Helper;
    std::string Call;
    SourceLocation Loc;
  };
  /// Where detached work starts: the call, and its name for messages.
  struct Work {
    /// Null for work a function of another file detaches (Elsewhere).
    const Expr *Start;
    std::string Name;
    /// The function of another file that detaches the work, and where.
    std::optional<model::CrossFileStep> Elsewhere = std::nullopt;
    /// Work handed to a helper of this file that detaches it.
    std::optional<HelperDetach> ByHelper = std::nullopt;
    /// A local object whose destruction cancels the work: the I/O object a
    /// completion handler's operation runs on, or the context object the
    /// work is tied to (QTimer::singleShot(ms, &guard, f)).
    const VarDecl *Canceller = nullptr;
    /// The canceller is a context object: once it is destroyed the work
    /// never runs, so the work may refer to it too (a cancelled completion
    /// handler still runs, with an error).
    bool CancellerIsContext = false;
  };
  /// A reference parameter of a function that detached work refers to:
  /// the caller's argument must outlive the work. Or, when Callable, a
  /// callable parameter that the function detaches as work: what the
  /// caller's callable refers to must outlive it.
  struct DetachedParam {
    unsigned Index;
    Work Detached;
    /// How the work refers to it ("it is captured by reference in").
    std::string How;
    /// The parameter that names the executor the work runs on: a caller
    /// that joins its argument waits for the work.
    std::optional<unsigned> ExecutorIndex;
    bool Callable = false;
  };
  class FunctionScan;

  /// Adds what the project index knows about the parameters of \p Callee,
  /// a function of another file, to DetachedParams (once per callee).
  void addIndexedParams(const FunctionDecl &Callee);

  RegexOption RequestScopedTypes;
  ASTContext *Ctx = nullptr;
  llvm::DenseMap<const FunctionDecl *, llvm::SmallVector<DetachedParam, 1>>
      DetachedParams;
  /// Functions that pass arguments to reference parameters: judged again
  /// at the end of the TU, once every helper's parameters are known.
  llvm::SetVector<std::pair<const FunctionDecl *, const Stmt *>> Passers;
  llvm::DenseSet<const FunctionDecl *> IndexedCallees;
};

} // namespace clang::tidy::async

#endif // ASYNC_TIDY_CHECKS_DETACHEDDANGLINGREFERENCECHECK_H

//===--- AsyncContext.h - Which code runs as async work -------------------===//
//
// Answers "is this code async context, and why?" for a set of candidate
// statements a check found. One walk over the translation unit's own code
// (system headers are skipped) records:
//  - the roots: coroutines, callables handed to scheduling APIs or used as
//    completion handlers, and functions the user declared async;
//  - the calls between the TU's functions (a lambda passed straight to an
//    ordinary call counts as called by the caller: algorithms, call_once);
//  - for each candidate, the callable that contains it and the conditions
//    that guard it.
// A function reached from a root within MaxCallDepth calls is async context;
// the path explains why. For checks of blocking, work offloaded to threads
// meant for blocking work (Offload.h) is not: it neither roots nor continues
// a path.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_CHECKS_MODEL_ASYNCCONTEXT_H
#define ASYNC_TIDY_CHECKS_MODEL_ASYNCCONTEXT_H

#include "AsyncModel.h"
#include "clang/AST/ASTContext.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"
#include <optional>

namespace clang::tidy::async::model {

enum class RootKind : uint8_t {
  Coroutine,
  Handler,
  Continuation,
  CompletionHandler,
  Configured
};

/// A callable that is async context by itself.
struct AsyncRoot {
  RootKind Kind;
  const FunctionDecl *Callable;        // canonical; a lambda's call operator
  const CallExpr *Scheduler = nullptr; // the call that runs it, if any
};

/// A call from one function of the TU to another.
struct CallEdge {
  const FunctionDecl *Caller;
  const FunctionDecl *Callee;
  SourceLocation Loc;
  /// The call stands in a coroutine after it moved onto an offload executor.
  bool AfterOffload = false;
  /// The call invokes a callable the caller was given (a library's bridge).
  bool InvokesGiven = false;
  /// The call itself; null where a lambda passed to a call runs there.
  const CallExpr *Call = nullptr;
};

/// How a callable is reached from a root: Chain[0].Caller is the root,
/// Chain.back().Callee the callable asked about; empty for a root itself.
struct AsyncPath {
  const AsyncRoot *Root;
  llvm::SmallVector<CallEdge, 4> Chain;
};

/// Where a candidate statement stands.
struct CandidateSite {
  const FunctionDecl *Callable; // canonical
  /// Conditions of the 'if' statements whose then-branch holds it.
  llvm::SmallVector<const Expr *, 2> Guards;
  /// The statement right above it, past implicit conversions and cleanups.
  const Stmt *Parent = nullptr;
  /// It stands in a coroutine after the coroutine moved itself onto an
  /// executor meant for blocking work: not async context.
  bool AfterOffload = false;
};

class AsyncContextIndex {
public:
  /// \p OffloadMayBlock: work on executors meant for blocking work, and the
  /// rest of a coroutine that moved onto one, is not async context.
  AsyncContextIndex(ASTContext &Ctx, const AsyncModel &Model,
                    llvm::ArrayRef<const Stmt *> Candidates,
                    bool OffloadMayBlock = false);

  /// Every place the candidate appears (a non-dependent statement of a
  /// template is shared by its instantiations).
  llvm::ArrayRef<CandidateSite> sites(const Stmt *Candidate) const;

  /// The shortest way \p Callable is reached from a root, if within the
  /// model's MaxCallDepth.
  std::optional<AsyncPath> pathTo(const FunctionDecl *Callable) const;

  /// The root entry for \p Callable, if it is one.
  const AsyncRoot *rootOf(const FunctionDecl *Callable) const;

  /// Every call recorded between functions of the translation unit's own
  /// code and to functions outside system headers.
  void forEachCall(llvm::function_ref<void(const CallEdge &)> Visit) const;

private:
  friend class ContextCollector;
  void addRoot(AsyncRoot Root);
  void computeReach(unsigned MaxDepth);

  llvm::SmallVector<AsyncRoot, 16> Roots;
  llvm::DenseMap<const FunctionDecl *, unsigned> RootIndex;
  llvm::DenseMap<const FunctionDecl *, llvm::SmallVector<CallEdge, 4>> Calls;
  llvm::DenseMap<const Stmt *, llvm::SmallVector<CandidateSite, 1>> Sites;
  /// For each reached non-root callable: the edge it was first reached by.
  llvm::DenseMap<const FunctionDecl *, CallEdge> ReachedBy;
  /// Callables handed to executors meant for blocking work.
  llvm::DenseSet<const FunctionDecl *> Offloaded;
};

/// Whether \p Callable (any declaration of it) is a coroutine.
bool isCoroutine(const FunctionDecl &Callable);

} // namespace clang::tidy::async::model

#endif // ASYNC_TIDY_CHECKS_MODEL_ASYNCCONTEXT_H

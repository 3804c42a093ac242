//===--- Inference.h - Async roles recognised by shape --------------------===//
//
// For libraries the tables do not name: which classes are futures, which
// calls hand a callable to an executor, which classes are RAII locks,
// judged from the declarations the translation unit shows. Each answer
// comes with the reason, for a note on the finding. One signal is never
// enough: a name needs a matching shape, a shape needs a second member or
// a use that fits. The standard library is left to the tables.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_CHECKS_MODEL_INFERENCE_H
#define ASYNC_TIDY_CHECKS_MODEL_INFERENCE_H

#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include <deque>
#include <optional>
#include <string>

namespace clang::tidy::async::model {

enum class WaitKind : uint8_t;

/// A role given to a declaration by its shape, and why.
struct InferredRole {
  const NamedDecl *Decl; ///< where the note points: the class or callee
  std::string Why;       ///< "'Future' is treated as a future: it has ..."
};

/// Which families of roles are inferred (options InferFutures,
/// InferPromises, InferExecutors, InferLocks, InferTimers).
struct InferenceFamilies {
  bool Futures = true;
  bool Promises = true;
  bool Executors = true;
  bool Locks = true;
  bool Timers = true;
};

class Inference {
public:
  explicit Inference(InferenceFamilies Families);

  /// The role of a class that works as a future or task, or null.
  const InferredRole *future(const CXXRecordDecl &Class) const;
  /// For a call of a blocking member of an inferred future: how it waits.
  std::optional<WaitKind> futureWait(const CallExpr &Call) const;
  /// A call that asks an inferred future whether it is ready.
  bool isFutureReadiness(const CallExpr &Call) const;
  /// A call that attaches a continuation to an inferred future.
  bool isFutureContinuation(const CallExpr &Call) const;
  /// A call whose returned future dropping loses nothing: a continuation
  /// attached to an inferred future runs anyway, and a promise's future
  /// does not hold the work that completes it.
  bool isDroppableFuture(const CallExpr &Call) const;
  /// Member names that can be a blocking wait of an inferred future.
  const llvm::StringSet<> &futureWaitNames() const { return WaitNames; }

  /// The role of a call that completes what an inferred future observes
  /// (its class hands out the future, or is it), or null.
  const InferredRole *completer(const CallExpr &Call) const;

  /// The role of a call that hands its callable to an executor, or null.
  const InferredRole *scheduling(const CallExpr &Call) const;

  /// The role of the mutex-like class whose lock member \p Call calls,
  /// when that member blocks the thread; null otherwise.
  const InferredRole *mutexLock(const CallExpr &Call) const;

  /// The role of an RAII lock class, or null.
  const InferredRole *lock(const CXXRecordDecl &Class) const;

  /// The role of a class that runs a callable once a duration has passed
  /// and can be cancelled before, or null.
  const InferredRole *timer(const CXXRecordDecl &Class) const;
  /// The role of the inferred timer \p Call arms: a member that takes a
  /// duration or time point and does not disarm; null otherwise. A call
  /// that arms it to fire again and again sets \p Periodic.
  const InferredRole *timerArm(const CXXMemberCallExpr &Call,
                               bool &Periodic) const;

private:
  const InferredRole *inferFuture(const CXXRecordDecl &Class) const;
  const InferredRole *inferScheduling(const CallExpr &Call,
                                      const FunctionDecl &Callee) const;
  const InferredRole *inferLock(const CXXRecordDecl &Class) const;
  const InferredRole *inferTimer(const CXXRecordDecl &Class) const;
  /// A duration or time point class (Timers.def), or a template of one.
  bool isDurationType(QualType T) const;
  /// A member of \p Class that sets the timer off: a non-static method,
  /// not a disarm, returning void or bool, that takes a duration.
  const NamedDecl *armMember(const CXXRecordDecl &Class) const;
  /// The lock and unlock members of a mutex-like \p Class whose lock
  /// blocks the thread, if it has such a pair.
  std::optional<std::pair<llvm::StringRef, llvm::StringRef>>
  mutexPair(const CXXRecordDecl &Class) const;
  const InferredRole *keep(const NamedDecl &Decl, std::string Why) const;
  using RoleCache = llvm::DenseMap<const Decl *, const InferredRole *>;
  using InferRole =
      const InferredRole *(Inference::*)(const CXXRecordDecl &) const;
  /// The role \p Infer gives \p Class, computed once per class.
  const InferredRole *cached(RoleCache &Cache, const CXXRecordDecl &Class,
                             InferRole Infer) const;
  /// The member of \p Class (or its bases) whose name is in \p Names.
  const NamedDecl *memberIn(const CXXRecordDecl &Class,
                            const llvm::StringSet<> &Names) const;
  const CXXRecordDecl *inferredFutureObject(const CallExpr &Call) const;

  InferenceFamilies Families;
  llvm::StringMap<WaitKind> FutureWaits;
  llvm::StringSet<> WaitNames;
  llvm::StringSet<> Continuations;
  llvm::StringSet<> Readiness;
  llvm::StringSet<> Completers;
  llvm::StringSet<> FutureSources;
  llvm::StringSet<> FutureNouns;
  llvm::StringMap<bool> ScheduleVerbs; // verb -> strong
  llvm::StringSet<> ExecutorNouns;
  llvm::StringMap<llvm::StringRef> MutexPairs; // lock -> unlock
  llvm::StringSet<> MutexUnlocks;
  llvm::StringSet<> LockNouns;
  llvm::StringSet<> TimerTypeNames;
  llvm::StringSet<> TimerDisarms;
  llvm::StringSet<> DurationTypes;
  llvm::StringSet<> DurationShortNames;
  llvm::StringSet<> TimerNouns;
  llvm::StringSet<> PeriodicWords;

  mutable std::deque<InferredRole> Roles; // stable addresses
  mutable llvm::DenseMap<const Decl *, const InferredRole *> FutureCache;
  mutable llvm::DenseMap<const Decl *, const InferredRole *> LockCache;
  mutable llvm::DenseMap<const Decl *, const InferredRole *> PromiseCache;
  mutable llvm::DenseMap<const Decl *, const InferredRole *> MutexCache;
  mutable llvm::DenseMap<const Decl *, const InferredRole *> TimerCache;
  mutable llvm::DenseMap<std::pair<const Decl *, const Decl *>,
                         const InferredRole *>
      SchedulingCache;
};

} // namespace clang::tidy::async::model

#endif // ASYNC_TIDY_CHECKS_MODEL_INFERENCE_H

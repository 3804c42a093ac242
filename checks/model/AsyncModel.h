//===--- AsyncModel.h - What the checks know about asynchronous APIs ------===//
//
// One place that answers, for every check: which calls wait for an async
// result, which calls run a callable as async work, which types are tasks or
// awaitables, and which functions the user declared async. The knowledge is
// in the .def tables beside this file, extended by options.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_CHECKS_MODEL_ASYNCMODEL_H
#define ASYNC_TIDY_CHECKS_MODEL_ASYNCMODEL_H

#include "Inference.h"
#include "ProjectIndex.h"
#include "RegexList.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include <cstdint>
#include <memory>
#include <optional>

namespace clang::tidy::async::model {

enum class WaitKind : uint8_t { Result, Wait, TimedWait, EventLoop, Barrier };

struct BlockingWaitApi {
  llvm::StringRef Name;
  WaitKind Kind;
  llvm::StringRef Alternative;
};

struct BlockingCallApi {
  llvm::StringRef Name;
  llvm::StringRef Alternative;
};

enum class SchedulingKind : uint8_t { Handler, Continuation };

struct SchedulingApi {
  llvm::StringRef Name;
  SchedulingKind Kind;
};

/// Library names the checks' advice mentions (Advice.def).
enum class AdviceName : uint8_t {
#define ASYNC_ADVICE_NAME(Key, Text) Key,
#include "Advice.def"
};
llvm::StringRef adviceName(AdviceName Key);

/// The default of async-detached-dangling-reference's RequestScopedTypes
/// (Lifetimes.def).
llvm::StringRef defaultRequestScopedTypes();

/// The options every async check shares. They are written without a check
/// prefix (`MaxCallDepth: 4` in CheckOptions) and configure every check; a
/// `<check>.<Option>` entry overrides one for that check alone.
struct AsyncModelOptions {
  std::string AsyncFunctions;
  std::string SchedulingFunctions;
  std::string TaskTypes;
  std::string LockTypes;
  std::string ReferenceLikeTypes;
  std::string CompletionCallbacks;
  std::string TimerTypes;
  unsigned MaxCallDepth = 3;
  InferenceFamilies Infer;
  /// A project's summary index (ProjectIndex.h): calls to functions of
  /// other files are followed through it.
  std::string SummaryIndex;

  explicit AsyncModelOptions(ClangTidyCheck::OptionsView &Options);
  /// Equal for two option sets exactly when they build the same model.
  std::string key() const;
  /// Each option's name and default value, for storing them back.
  static llvm::ArrayRef<std::pair<llvm::StringRef, llvm::StringRef>> defaults();
};

/// Built once per translation unit and option set and shared by all checks
/// (common/AsyncModelCheck.cpp); its caches hold that translation unit's AST
/// nodes.
class AsyncModel {
public:
  /// \p OnError receives a message for each unusable option value.
  AsyncModel(const AsyncModelOptions &Options,
             llvm::function_ref<void(llvm::StringRef)> OnError);

  /// The table entry for a call that waits for an async result, or null.
  const BlockingWaitApi *blockingWait(const CallExpr &Call) const;
  /// Whether a short callee name can name a blocking wait at all; a cheap
  /// filter before blockingWait().
  bool mayBeBlockingWait(llvm::StringRef ShortName) const {
    return WaitNames.contains(ShortName);
  }
  /// The unqualified names of every blocking wait in the tables and of the
  /// blocking members of inferred futures.
  const llvm::StringSet<> &blockingWaitNames() const { return WaitNames; }
  /// The entry for a call that blocks its thread (sleep, synchronous I/O,
  /// condition variables, join), or null. Reads on in-memory streams and
  /// user functions that share a C function's name are not.
  const BlockingCallApi *blockingCall(const CallExpr &Call) const;
  /// A stream whose reads never block: of an in-memory stream class (or a
  /// class that builds its stream base over an in-memory buffer), or a
  /// variable constructed over an in-memory stream buffer
  /// ('std::istream is(&streambuf)').
  bool isInMemoryStream(const Expr *Stream) const;
  /// The asynchronous sibling of \p Callee declared beside it ('write' ->
  /// 'async_write', 'Foo' -> 'FooAsync'), or null.
  const NamedDecl *asyncSibling(const FunctionDecl &Callee) const;

  /// An RAII lock type (table or LockTypes), also as a dependent
  /// template-id in a template.
  bool isLockType(QualType T) const;
  /// A member that releases a lock before its scope ends ('unlock').
  bool isLockRelease(llvm::StringRef Member) const {
    return LockReleases.contains(Member);
  }

  /// A lock constructed unlocked (std::defer_lock, std::try_to_lock).
  bool isConstructedUnlocked(const VarDecl &Lock) const;

  /// For a call that starts a coroutine (co_spawn): the index of its
  /// completion token argument.
  std::optional<unsigned> spawnTokenIndex(const CallExpr &Call) const;
  /// A completion token that waits for nothing (asio::detached).
  bool isDetachedToken(QualType T) const;
  /// A thread class: detach() lets its callable outlive the scope.
  bool isThreadType(QualType T) const;
  /// A member that waits for work started on its object ('join', 'wait').
  bool isJoinMember(llvm::StringRef Name) const {
    return JoinMembers.contains(Name);
  }
  /// A member that waits for a signal, with arguments ('cv.wait(lock)').
  bool isConditionWait(llvm::StringRef Name) const {
    return ConditionWaits.contains(Name);
  }
  /// A call that runs the calling thread's event loop until it is quit
  /// (QEventLoop::exec, QCoreApplication::exec).
  bool isEventLoopRun(const CallExpr &Call) const {
    return EventLoopRuns.find(Call) != nullptr;
  }
  /// A call that quits the loop an event loop run runs (QEventLoop::quit).
  bool isEventLoopQuit(const CallExpr &Call) const {
    return EventLoopQuits.find(Call) != nullptr;
  }
  /// A pointer to a context object (a QObject): work a scheduling call ties
  /// to it is cancelled when it is destroyed.
  bool isContextObjectPointer(QualType T) const;
  /// A member by which work signals a waiter ('set', 'count_down').
  bool isSignalMember(llvm::StringRef Name) const {
    return SignalMembers.contains(Name);
  }
  /// A call that queues its work in order on its context object's thread
  /// (QMetaObject::invokeMethod with Qt::QueuedConnection).
  bool isOrderedQueueing(const CallExpr &Call) const;
  /// A class whose objects live in a shared_ptr (enable_shared_from_this).
  bool isSharedOwned(const CXXRecordDecl &Class) const;
  /// A reference, pointer, or a type that refers to what it does not own
  /// (string_view, span, reference_wrapper, ReferenceLikeTypes).
  bool isReferenceLike(QualType T) const;

  /// coroutine_handle::resume() and operator().
  bool isResume(const CallExpr &Call) const {
    return Resumes.find(Call) != nullptr;
  }
  /// promise.set_value(), task_completion_event::set(), ...
  bool isCompleter(const CallExpr &Call) const {
    return Completers.find(Call) != nullptr || inferredCompleter(Call);
  }
  /// Why \p Call is treated as completing a promise, when no table names
  /// it; null otherwise.
  const InferredRole *inferredCompleter(const CallExpr &Call) const {
    return Completers.find(Call) ? nullptr : Infer.completer(Call);
  }
  /// A coroutine primitive's member that resumes its waiters inline
  /// (cppcoro::async_manual_reset_event::set, coro::mutex::unlock).
  bool isPrimitiveCompleter(const CallExpr &Call) const {
    return PrimitiveCompleters.find(Call) != nullptr;
  }
  /// A function (or constructor) that stores a callable for a foreign
  /// subsystem to invoke later (threads, signal connections,
  /// CompletionCallbacks).
  bool isCallbackRegistration(const FunctionDecl &Callee) const;
  /// The sender argument of a signal connection (QObject::connect), or
  /// null for another call: its callback runs on the sender's thread.
  const Expr *signalSender(const CallExpr &Call) const;
  /// A sender whose signals come from another thread (QThread).
  bool isForeignThreadSender(QualType T) const;
  /// A member that moves its object to another thread (moveToThread).
  bool isThreadMoveMember(llvm::StringRef Name) const {
    return ThreadMoveMembers.contains(Name);
  }

  /// A timer class (table or TimerTypes), also behind a shared_ptr.
  bool isTimerType(QualType T) const;
  /// A member that disarms a timer's pending wait (table; the timeout
  /// check adds CancelFunctions).
  bool isTimerDisarm(llvm::StringRef Member) const {
    return TimerDisarms.contains(Member);
  }
  /// A member a timeout handler calls on the operation it guards.
  bool isOperationCancel(llvm::StringRef Member) const {
    return OperationCancels.contains(Member);
  }
  /// A call a timeout makes to end another operation: a cancel, a failure
  /// ('set_exception', 'stop'), or a name that starts with one of them as
  /// a word ('cancel_all', 'closeLater').
  bool isTimeoutAction(llvm::StringRef Name) const;
  /// std::stop_callback: registered until destroyed.
  bool isStopCallbackType(QualType T) const;
  bool isSleep(const CallExpr &Call) const {
    return Sleeps.find(Call) != nullptr;
  }
  /// The member that arms a timer ('async_wait').
  bool isTimerWait(llvm::StringRef Member) const {
    return TimerWaits.contains(Member);
  }
  /// The error a cancelled wait completes with ('operation_aborted').
  bool isAbortedError(llvm::StringRef Name) const {
    return AbortedErrors.contains(Name);
  }
  /// std::ref(x) and friends.
  bool isReferenceWrapperCall(const CallExpr &Call) const {
    return ReferenceWrappers.find(Call) != nullptr;
  }
  /// std::shared_ptr and friends.
  bool isSharedPointer(QualType T) const;
  /// A call or construction that keeps the function object it is given
  /// alive until the coroutine it starts has finished (co_spawn of a
  /// function object, seastar::coroutine::lambda).
  bool isClosureOwner(const Expr &E) const;
  /// The member that detaches a thread ('detach').
  bool isDetachMember(llvm::StringRef Member) const {
    return DetachMembers.contains(Member);
  }
  /// An executor or execution context (io_context, strand, any_io_executor),
  /// through references and pointers.
  bool isExecutorType(QualType T) const;
  /// std::coroutine_handle<...>.
  bool isCoroutineHandle(QualType T) const;

  /// A clock's 'now()': a deadline of the present only polls.
  bool isCurrentTime(const CallExpr &Call) const;

  /// Whether \p Call only asks if a result is ready (non-blocking).
  bool isReadinessCheck(const CallExpr &Call) const;

  /// The entry for a call whose callable arguments run as async work.
  std::optional<SchedulingApi> schedulingCall(const CallExpr &Call) const;
  /// Boost.Asio-style initiating function: its last argument is a
  /// completion handler.
  bool isCompletionInitiator(const FunctionDecl &Callee) const;
  bool isCallableWrapper(const CallExpr &Call) const;
  bool isThreadSpawn(const CallExpr &Call) const;
  /// Listed in AsyncFunctions or annotated
  /// [[clang::annotate("async_tidy::async")]].
  bool isConfiguredAsync(const FunctionDecl &FD) const;

  /// What the model knows of a task, future or awaitable type.
  struct TaskTraits {
    bool Awaitable; // a coroutine can co_await it directly
    bool Lazy;      // its work starts only when awaited
    // Eager and reference-counted: the work runs on without its handle.
    bool SelfOwning = false;
  };
  /// The traits of a task type (by table, TaskTypes or shape), or nothing
  /// for any other type.
  std::optional<TaskTraits> taskTraits(QualType T) const;
  bool isTaskType(QualType T) const { return taskTraits(T).has_value(); }
  /// A type a coroutine can co_await directly.
  bool isAwaitableType(QualType T) const;
  /// A call whose future joins the work in its destructor (std::async).
  bool isJoiningLaunch(const CallExpr &Call) const {
    return JoiningLaunches.find(Call) != nullptr;
  }
  /// A call whose returned task the library observes itself
  /// (cpprestsdk's http_request::reply): dropping it loses nothing.
  bool isSelfObservedResult(const CallExpr &Call) const;

  /// The task a value-or-error wrapper holds (arrow::Result<Future<T>>,
  /// absl::StatusOr, std::expected: TaskTypes.def), or a null type.
  QualType wrappedTask(QualType T) const;
  /// The value-or-error a continuation receives (folly::Try), or a task:
  /// what a continuation that handles errors takes.
  bool isOutcomeType(QualType T) const;
  /// What an error-only continuation takes: an exception_ptr, or an
  /// exception class (one a table names, or derived from one).
  bool isErrorType(QualType T) const;

  unsigned maxCallDepth() const { return MaxCallDepth; }

  /// The project's summary index, when the SummaryIndex option names one.
  const ProjectIndex *projectIndex() const { return Project.get(); }

  /// Why the model treats what \p Call waits on as a future, when no table
  /// names it but its shape says so; null otherwise.
  const InferredRole *inferredWait(const CallExpr &Call) const;
  /// Why \p Call is treated as a scheduling call, when no table or option
  /// names it; null otherwise.
  const InferredRole *inferredScheduling(const CallExpr &Call) const;
  /// Why \p T is treated as a task or future by its shape alone.
  const InferredRole *inferredTask(QualType T) const;
  /// Why \p Call is treated as locking a mutex, when no table names it.
  const InferredRole *inferredMutexLock(const CallExpr &Call) const;
  /// Why \p T is treated as a lock by its shape alone.
  const InferredRole *inferredLock(QualType T) const;
  /// Why \p Call is treated as arming a timer no table names (a member
  /// that takes a duration); null otherwise. \p Periodic is set when it
  /// arms the timer to fire again and again.
  const InferredRole *inferredTimerArm(const CXXMemberCallExpr &Call,
                                       bool &Periodic) const {
    return Infer.timerArm(Call, Periodic);
  }

private:
  /// Entries by API name, plus the set of their short names: most calls are
  /// rejected by one hash lookup of the callee's identifier, before any
  /// qualified name is built.
  template <typename T> struct ApiTable {
    llvm::StringMap<T> ByName;
    llvm::StringSet<> ShortNames;
    void add(llvm::StringRef Name, T Value);
    const T *find(const CallExpr &Call) const;
  };

  bool hasLazyPromise(const CXXRecordDecl &Task) const;
  bool isFireAndForget(const CXXRecordDecl &Task) const;
  /// A construction given an in-memory stream buffer.
  bool isGivenInMemoryBuffer(const Expr *Init) const;
  bool isOverInMemoryBuffer(const Expr *Stream) const;
  /// A class derived from a stream whose every constructor gives the
  /// stream base an in-memory buffer ('Content(asio::streambuf &b) :
  /// std::istream(&b)').
  bool isInMemoryStreamClass(const CXXRecordDecl &RD) const;

  struct SiblingPattern {
    llvm::StringRef Prefix, Suffix;
    bool Capitalize;
  };

  ApiTable<BlockingWaitApi> Waits;
  llvm::StringSet<> WaitNames;
  BlockingWaitApi InferredWaits[3]; // Result, Wait, TimedWait
  BlockingCallApi InferredLockCall;
  Inference Infer;
  ApiTable<BlockingCallApi> BlockingCalls;
  llvm::StringSet<> InMemoryStreams;
  llvm::StringSet<> InMemoryStreamBufs;
  llvm::StringSet<> LockTypeNames;
  llvm::StringSet<> LockReleases;
  llvm::StringSet<> DeferLockTags;
  llvm::SmallVector<SiblingPattern, 4> SiblingPatterns;
  mutable llvm::DenseMap<const FunctionDecl *, const NamedDecl *> SiblingCache;
  ApiTable<bool> Readiness;
  llvm::StringSet<> CurrentTimeMembers;
  ApiTable<SchedulingApi> Scheduling;
  ApiTable<bool> Wrappers;
  ApiTable<bool> ThreadSpawns;
  llvm::SmallVector<llvm::StringRef, 2> CompletionPrefixes;
  llvm::StringMap<TaskTraits> TaskTypeTable;
  ApiTable<bool> JoiningLaunches;
  ApiTable<bool> SelfObservedResults;
  llvm::StringSet<> SelfOwningTasks;
  llvm::StringSet<> OutcomeTypes;
  llvm::StringSet<> TaskWrappers;
  llvm::StringSet<> ErrorTypes;
  llvm::StringSet<> AlwaysSuspends;
  llvm::StringSet<> NeverSuspends;
  ApiTable<int> SpawnCalls;
  ApiTable<bool> ClosureOwnerCalls;
  llvm::StringSet<> ClosureOwnerTypes;
  ApiTable<bool> Resumes;
  ApiTable<bool> Completers;
  ApiTable<bool> PrimitiveCompleters;
  llvm::StringSet<> TimerTypeNames;
  llvm::StringSet<> TimerWaits;
  llvm::StringSet<> StopCallbacks;
  llvm::StringSet<> AbortedErrors;
  llvm::StringSet<> OwningPointers;
  ApiTable<bool> ReferenceWrappers;
  llvm::StringSet<> SharedPointers;
  llvm::StringSet<> DetachMembers;
  llvm::StringSet<> CoroutineHandles;
  llvm::StringSet<> ExecutorTypes;
  llvm::StringSet<> TimerDisarms;
  llvm::StringSet<> OperationCancels;
  llvm::StringSet<> OperationFails;
  ApiTable<bool> Sleeps;
  llvm::StringSet<> CallbackRegistrations;
  llvm::StringSet<> CallbackRegistrationNames; // unqualified, for a quick no
  ApiTable<int> SignalConnections;
  ApiTable<std::string> OrderedQueueings;
  llvm::StringSet<> ForeignThreadSenders;
  llvm::StringSet<> ThreadMoveMembers;
  llvm::StringSet<> DetachedTokens;
  llvm::StringSet<> ThreadTypes;
  llvm::StringSet<> JoinMembers;
  llvm::StringSet<> ConditionWaits;
  ApiTable<bool> EventLoopRuns;
  ApiTable<bool> EventLoopQuits;
  llvm::StringSet<> ContextObjectBases;
  llvm::StringSet<> SignalMembers;
  llvm::StringSet<> SharedOwnerBases;
  llvm::StringSet<> ReferenceLikeNames;
  mutable llvm::DenseMap<const Decl *, std::optional<TaskTraits>> TraitsCache;
  RegexList AsyncFunctions;
  RegexList UserScheduling;
  RegexList UserTaskTypes;
  RegexList UserLockTypes;
  RegexList UserReferenceLikeTypes;
  RegexList UserCompletionCallbacks;
  RegexList UserTimerTypes;
  unsigned MaxCallDepth;
  std::shared_ptr<const ProjectIndex> Project;
};

} // namespace clang::tidy::async::model

#endif // ASYNC_TIDY_CHECKS_MODEL_ASYNCMODEL_H

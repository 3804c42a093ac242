//===--- AsyncModel.cpp ---------------------------------------------------===//

#include "AsyncModel.h"
#include "ApiNames.h"
#include "AstHelpers.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"

namespace clang::tidy::async::model {

llvm::StringRef adviceName(AdviceName Key) {
  switch (Key) {
#define ASYNC_ADVICE_NAME(Key, Text)                                           \
  case AdviceName::Key:                                                        \
    return Text;
#include "Advice.def"
  }
  llvm_unreachable("unknown advice name");
}

llvm::StringRef defaultRequestScopedTypes() {
#define ASYNC_REQUEST_SCOPED_TYPES(Regex) return Regex;
#include "Lifetimes.def"
}

/// The qualified name of a type's class, without template arguments.
static std::string className(QualType T) {
  const CXXRecordDecl *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  return RD && RD->getIdentifier() ? apiName(*RD) : std::string();
}

AsyncModel::AsyncModel(const AsyncModelOptions &Options,
                       llvm::function_ref<void(llvm::StringRef)> OnError)
    : Infer(Options.Infer), MaxCallDepth(Options.MaxCallDepth) {
#define ASYNC_BLOCKING_WAIT(Name, Kind, Alternative)                           \
  Waits.add(Name, {Name, WaitKind::Kind, Alternative});
#define ASYNC_READINESS_CHECK(Name) Readiness.add(Name, true);
#define ASYNC_CURRENT_TIME(Member) CurrentTimeMembers.insert(Member);
#include "BlockingWaits.def"
  for (const auto &Name : Waits.ShortNames)
    WaitNames.insert(Name.getKey());
  for (const auto &Name : Infer.futureWaitNames())
    WaitNames.insert(Name.getKey());
#define ASYNC_INFER_WAIT_ADVICE(Text)                                          \
  InferredWaits[0] = {"", WaitKind::Result, Text};                             \
  InferredWaits[1] = {"", WaitKind::Wait, Text};                               \
  InferredWaits[2] = {"", WaitKind::TimedWait, Text};
#define ASYNC_INFER_LOCK_ADVICE(Text) InferredLockCall = {"", Text};
#include "Inference.def"

#define ASYNC_SCHEDULING_CALL(Name, Kind)                                      \
  Scheduling.add(Name, {Name, SchedulingKind::Kind});
#define ASYNC_CALLABLE_WRAPPER(Name) Wrappers.add(Name, true);
#define ASYNC_THREAD_SPAWN(Name) ThreadSpawns.add(Name, true);
#define ASYNC_COMPLETION_PREFIX(Prefix) CompletionPrefixes.push_back(Prefix);
#include "SchedulingCalls.def"

#define ASYNC_TASK_TYPE(Name, Awaitable, Lazy)                                 \
  TaskTypeTable[Name] = {Awaitable, Lazy};
#define ASYNC_JOINING_LAUNCH(Name) JoiningLaunches.add(Name, true);
#define ASYNC_SELF_OBSERVED_RESULT(Name) SelfObservedResults.add(Name, true);
#define ASYNC_SELF_OWNING_TASK(Name) SelfOwningTasks.insert(Name);
#define ASYNC_ALWAYS_SUSPEND(Name) AlwaysSuspends.insert(Name);
#define ASYNC_NEVER_SUSPEND(Name) NeverSuspends.insert(Name);
#define ASYNC_OUTCOME_TYPE(Name) OutcomeTypes.insert(Name);
#define ASYNC_TASK_WRAPPER(Name) TaskWrappers.insert(Name);
#define ASYNC_ERROR_TYPE(Name) ErrorTypes.insert(Name);
#include "TaskTypes.def"

#define ASYNC_BLOCKING_CALL(Name, Alternative)                                 \
  BlockingCalls.add(Name, {Name, Alternative});
#define ASYNC_IN_MEMORY_STREAM(Name) InMemoryStreams.insert(Name);
#define ASYNC_IN_MEMORY_STREAMBUF(Name) InMemoryStreamBufs.insert(Name);
#define ASYNC_LOCK_TYPE(Name) LockTypeNames.insert(Name);
#define ASYNC_LOCK_RELEASE(Name) LockReleases.insert(Name);
#define ASYNC_DEFER_LOCK_TAG(Name) DeferLockTags.insert(Name);
#define ASYNC_SIBLING_PATTERN(Prefix, Suffix, Capitalize)                      \
  SiblingPatterns.push_back({Prefix, Suffix, Capitalize});
#include "BlockingCalls.def"

#define ASYNC_SPAWN_CALL(Name, TokenArg) SpawnCalls.add(Name, TokenArg);
#define ASYNC_CLOSURE_OWNER(Name)                                              \
  ClosureOwnerCalls.add(Name, true);                                           \
  ClosureOwnerTypes.insert(Name);
#define ASYNC_DETACHED_TOKEN(Name) DetachedTokens.insert(Name);
#define ASYNC_THREAD_TYPE(Name) ThreadTypes.insert(Name);
#define ASYNC_JOIN_MEMBER(Name) JoinMembers.insert(Name);
#define ASYNC_CONDITION_WAIT(Name) ConditionWaits.insert(Name);
#define ASYNC_EVENT_LOOP_RUN(Name) EventLoopRuns.add(Name, true);
#define ASYNC_EVENT_LOOP_QUIT(Name) EventLoopQuits.add(Name, true);
#define ASYNC_CONTEXT_OBJECT_BASE(Name) ContextObjectBases.insert(Name);
#define ASYNC_SIGNAL_MEMBER(Name) SignalMembers.insert(Name);
#define ASYNC_SHARED_OWNER_BASE(Name) SharedOwnerBases.insert(Name);
#define ASYNC_REFERENCE_WRAPPER_CALL(Name) ReferenceWrappers.add(Name, true);
#define ASYNC_SHARED_POINTER_TYPE(Name) SharedPointers.insert(Name);
#define ASYNC_DETACH_MEMBER(Name) DetachMembers.insert(Name);
#define ASYNC_REFERENCE_LIKE_TYPE(Name) ReferenceLikeNames.insert(Name);
#define ASYNC_ORDERED_QUEUEING(Name, Enumerator)                               \
  OrderedQueueings.add(Name, Enumerator);
#include "Lifetimes.def"

#define ASYNC_COROUTINE_HANDLE_TYPE(Name) CoroutineHandles.insert(Name);
#define ASYNC_RESUME_CALL(Name) Resumes.add(Name, true);
#define ASYNC_COMPLETER_CALL(Name) Completers.add(Name, true);
#define ASYNC_PRIMITIVE_COMPLETER(Name) PrimitiveCompleters.add(Name, true);
#define ASYNC_EXECUTOR_TYPE(Name) ExecutorTypes.insert(Name);
#define ASYNC_CALLBACK_REGISTRATION(Name)                                      \
  CallbackRegistrations.insert(Name);                                          \
  CallbackRegistrationNames.insert(shortName(Name));
#define ASYNC_SIGNAL_CONNECTION(Name, SenderArg)                               \
  SignalConnections.add(Name, SenderArg);
#define ASYNC_FOREIGN_THREAD_SENDER(Name) ForeignThreadSenders.insert(Name);
#define ASYNC_THREAD_MOVE_MEMBER(Name) ThreadMoveMembers.insert(Name);
#include "Completions.def"

#define ASYNC_TIMER_TYPE(Name) TimerTypeNames.insert(Name);
#define ASYNC_TIMER_DISARM(Name) TimerDisarms.insert(Name);
#define ASYNC_OPERATION_CANCEL(Name) OperationCancels.insert(Name);
#define ASYNC_OPERATION_FAIL(Name) OperationFails.insert(Name);
#define ASYNC_SLEEP_CALL(Name) Sleeps.add(Name, true);
#define ASYNC_TIMER_WAIT(Name) TimerWaits.insert(Name);
#define ASYNC_ABORTED_ERROR(Name) AbortedErrors.insert(Name);
#define ASYNC_OWNING_POINTER_TYPE(Name) OwningPointers.insert(Name);
#define ASYNC_STOP_CALLBACK_TYPE(Name) StopCallbacks.insert(Name);
#include "Timers.def"

  auto Assign = [&](RegexList &List, llvm::StringRef Option,
                    llvm::StringRef Value) {
    std::string Error = List.assign(Value);
    if (!Error.empty())
      OnError((Option + ": " + Error).str());
  };
  Assign(AsyncFunctions, "AsyncFunctions", Options.AsyncFunctions);
  Assign(UserScheduling, "SchedulingFunctions", Options.SchedulingFunctions);
  Assign(UserTaskTypes, "TaskTypes", Options.TaskTypes);
  Assign(UserLockTypes, "LockTypes", Options.LockTypes);
  Assign(UserReferenceLikeTypes, "ReferenceLikeTypes",
         Options.ReferenceLikeTypes);
  Assign(UserCompletionCallbacks, "CompletionCallbacks",
         Options.CompletionCallbacks);
  Assign(UserTimerTypes, "TimerTypes", Options.TimerTypes);
  if (!Options.SummaryIndex.empty()) {
    auto Loaded = ProjectIndex::load(Options.SummaryIndex);
    if (Loaded)
      Project = std::move(*Loaded);
    else
      OnError("SummaryIndex: " + llvm::toString(Loaded.takeError()));
  }
}

template <typename T>
void AsyncModel::ApiTable<T>::add(llvm::StringRef Name, T Value) {
  ByName.insert_or_assign(Name, std::move(Value));
  ShortNames.insert(shortName(Name));
}

template <typename T>
const T *AsyncModel::ApiTable<T>::find(const CallExpr &Call) const {
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee)
    return nullptr;
  if (const IdentifierInfo *Name = Callee->getIdentifier()) {
    if (!ShortNames.contains(Name->getName()))
      return nullptr;
  } else if (!Callee->isOverloadedOperator() ||
             !ShortNames.contains(Callee->getNameAsString())) {
    return nullptr;
  }
  for (const std::string &Key : callKeys(Call)) {
    auto It = ByName.find(Key);
    if (It != ByName.end())
      return &It->second;
  }
  return nullptr;
}

const BlockingWaitApi *AsyncModel::blockingWait(const CallExpr &Call) const {
  if (const BlockingWaitApi *Api = Waits.find(Call))
    return Api;
  if (std::optional<WaitKind> Kind = Infer.futureWait(Call))
    for (const BlockingWaitApi &Api : InferredWaits)
      if (Api.Kind == *Kind)
        return &Api;
  return nullptr;
}

const InferredRole *AsyncModel::inferredWait(const CallExpr &Call) const {
  if (Waits.find(Call) || !Infer.futureWait(Call))
    return nullptr;
  const CXXRecordDecl *Object = objectClass(Call);
  return Object ? Infer.future(*Object) : nullptr;
}

/// The class of an expression's type, through references and pointers.
static const CXXRecordDecl *classOf(const Expr *E) {
  if (!E)
    return nullptr;
  QualType T = E->IgnoreParenImpCasts()->getType().getNonReferenceType();
  if (T->isPointerType())
    T = T->getPointeeType();
  return T->getAsCXXRecordDecl();
}

const BlockingCallApi *AsyncModel::blockingCall(const CallExpr &Call) const {
  const BlockingCallApi *Api = BlockingCalls.find(Call);
  if (!Api)
    return Infer.mutexLock(Call) ? &InferredLockCall : nullptr;
  const FunctionDecl *Callee = Call.getDirectCallee();
  // 'read', 'send', 'poll': only the C library's, not a user function or
  // method that happens to share the name.
  if (!Api->Name.contains("::") && !namesLibraryFunction(*Callee))
    return nullptr;
  return isInMemoryStream(callSubject(Call)) ? nullptr : Api;
}

bool AsyncModel::isInMemoryStream(const Expr *Stream) const {
  if (const CXXRecordDecl *RD = classOf(Stream))
    if ((RD->getIdentifier() && InMemoryStreams.contains(apiName(*RD))) ||
        isInMemoryStreamClass(*RD))
      return true;
  return isOverInMemoryBuffer(Stream);
}

bool AsyncModel::isGivenInMemoryBuffer(const Expr *Init) const {
  if (!Init)
    return false;
  Init = Init->IgnoreImplicit();
  // In a template the base's initializer stays a list of arguments.
  SmallVector<const Expr *, 2> Args;
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(Init))
    Args.append(Construct->arg_begin(), Construct->arg_end());
  else if (const auto *List = dyn_cast<ParenListExpr>(Init))
    for (unsigned I = 0, N = List->getNumExprs(); I < N; ++I)
      Args.push_back(List->getExpr(I));
  return llvm::any_of(Args, [&](const Expr *Arg) {
    const CXXRecordDecl *RD = classOf(Arg);
    return RD && RD->getIdentifier() &&
           InMemoryStreamBufs.contains(apiName(*RD));
  });
}

bool AsyncModel::isOverInMemoryBuffer(const Expr *Stream) const {
  const auto *Var = dyn_cast_or_null<VarDecl>(referencedDecl(Stream));
  return Var && isGivenInMemoryBuffer(Var->getInit());
}

bool AsyncModel::isInMemoryStreamClass(const CXXRecordDecl &RD) const {
  const CXXRecordDecl *Class = RD.getDefinition();
  if (!Class)
    return false;
  // A member class of a template: its constructors may not be
  // instantiated, but the pattern's say what every instantiation does.
  if (const CXXRecordDecl *Pattern = Class->getTemplateInstantiationPattern())
    Class = Pattern;
  bool Constructs = false;
  for (const CXXConstructorDecl *Ctor : Class->ctors()) {
    if (Ctor->isCopyOrMoveConstructor() || Ctor->isDeleted())
      continue;
    const FunctionDecl *Definition = nullptr;
    if (!Ctor->hasBody(Definition) ||
        llvm::none_of(cast<CXXConstructorDecl>(Definition)->inits(),
                      [&](const CXXCtorInitializer *Init) {
                        return Init->isBaseInitializer() &&
                               isGivenInMemoryBuffer(Init->getInit());
                      }))
      return false;
    Constructs = true;
  }
  return Constructs;
}

const NamedDecl *AsyncModel::asyncSibling(const FunctionDecl &Callee) const {
  auto Cached = SiblingCache.find(&Callee);
  if (Cached != SiblingCache.end())
    return Cached->second;
  const NamedDecl *Found = nullptr;
  const IdentifierInfo *Name = Callee.getIdentifier();
  const DeclContext *Scope = Callee.getDeclContext()->getRedeclContext();
  if (Name && !Name->getName().empty() &&
      (Scope->isRecord() || Scope->isFileContext())) {
    IdentifierTable &Idents = Callee.getASTContext().Idents;
    for (const SiblingPattern &Pattern : SiblingPatterns) {
      std::string Base = Name->getName().str();
      if (Pattern.Capitalize)
        Base[0] = llvm::toUpper(Base[0]);
      std::string Candidate = (Pattern.Prefix + Base + Pattern.Suffix).str();
      // find() does not create the identifier: most candidates do not exist.
      auto It = Idents.find(Candidate);
      if (It == Idents.end())
        continue;
      for (const NamedDecl *D :
           Scope->lookup(DeclarationName(It->getValue()))) {
        if (isa<FunctionDecl, FunctionTemplateDecl>(D->getUnderlyingDecl())) {
          Found = D;
          break;
        }
      }
      if (Found)
        break;
    }
  }
  SiblingCache[&Callee] = Found;
  return Found;
}

bool AsyncModel::isLockType(QualType T) const {
  T = T.getNonReferenceType();
  if (T.isNull())
    return false;
  const NamedDecl *Named = T->getAsCXXRecordDecl();
  if (const auto *Spec = T->getAs<TemplateSpecializationType>())
    if (const TemplateDecl *Template =
            Spec->getTemplateName().getAsTemplateDecl())
      Named = Template;
  if (!Named || !Named->getIdentifier())
    return false;
  std::string Name = apiName(*Named);
  return LockTypeNames.contains(Name) || UserLockTypes.matches(Name) ||
         inferredLock(T);
}

const InferredRole *AsyncModel::inferredMutexLock(const CallExpr &Call) const {
  return BlockingCalls.find(Call) ? nullptr : Infer.mutexLock(Call);
}

const InferredRole *AsyncModel::inferredLock(QualType T) const {
  const CXXRecordDecl *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  if (!RD || !RD->getIdentifier() || LockTypeNames.contains(apiName(*RD)))
    return nullptr;
  return Infer.lock(*RD);
}

bool AsyncModel::isTimerType(QualType T) const {
  T = T.getNonReferenceType();
  if (T->isPointerType())
    T = T->getPointeeType();
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  if (!RD || !RD->getIdentifier())
    return false;
  std::string Name = apiName(*RD);
  if (OwningPointers.contains(Name) &&
      isa<ClassTemplateSpecializationDecl>(RD)) {
    const auto &Args =
        cast<ClassTemplateSpecializationDecl>(RD)->getTemplateArgs();
    return Args.size() > 0 && Args[0].getKind() == TemplateArgument::Type &&
           isTimerType(Args[0].getAsType());
  }
  return TimerTypeNames.contains(Name) || UserTimerTypes.matches(Name);
}

bool AsyncModel::isTimeoutAction(llvm::StringRef Name) const {
  auto StartsWord = [Name](llvm::StringRef Word) {
    if (!Name.starts_with(Word))
      return false;
    llvm::StringRef Rest = Name.drop_front(Word.size());
    return Rest.empty() || Rest.front() == '_' || llvm::isUpper(Rest.front());
  };
  for (const llvm::StringSet<> *Set : {&OperationCancels, &OperationFails})
    for (const auto &Entry : *Set)
      if (StartsWord(Entry.getKey()))
        return true;
  return false;
}

bool AsyncModel::isStopCallbackType(QualType T) const {
  return StopCallbacks.contains(className(T));
}

bool AsyncModel::isClosureOwner(const Expr &E) const {
  if (const auto *Call = dyn_cast<CallExpr>(&E))
    return ClosureOwnerCalls.find(*Call);
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(&E))
    return ClosureOwnerTypes.contains(className(Construct->getType()));
  return false;
}

bool AsyncModel::isSharedPointer(QualType T) const {
  return SharedPointers.contains(className(T));
}

bool AsyncModel::isExecutorType(QualType T) const {
  T = T.getNonReferenceType();
  if (T->isPointerType())
    T = T->getPointeeType();
  return ExecutorTypes.contains(className(T));
}

bool AsyncModel::isCoroutineHandle(QualType T) const {
  return CoroutineHandles.contains(className(T));
}

bool AsyncModel::isCallbackRegistration(const FunctionDecl &Callee) const {
  if (!Callee.getDeclName().isIdentifier() &&
      !isa<CXXConstructorDecl>(Callee) && !Callee.isOverloadedOperator())
    return false;
  const auto *Method = dyn_cast<CXXMethodDecl>(&Callee);
  llvm::SmallString<32> Member;
  if (Method && isa<CXXConstructorDecl>(Method))
    Member = Method->getParent()->getName();
  else if (const IdentifierInfo *Id = Callee.getIdentifier())
    Member = Id->getName();
  else
    Member = Callee.getNameAsString();
  // Most calls are rejected here, before a qualified name is built.
  if (UserCompletionCallbacks.empty() &&
      !CallbackRegistrationNames.contains(Member))
    return false;
  std::string Name;
  if (Method) {
    Name = (apiName(*Method->getParent()) + "::" + Member).str();
  } else {
    Name = apiName(Callee);
  }
  return CallbackRegistrations.contains(Name) ||
         UserCompletionCallbacks.matches(Name);
}

std::optional<unsigned>
AsyncModel::spawnTokenIndex(const CallExpr &Call) const {
  const int *Index = SpawnCalls.find(Call);
  if (!Index || Call.getNumArgs() == 0)
    return std::nullopt;
  if (*Index < 0)
    return Call.getNumArgs() - 1;
  if (static_cast<unsigned>(*Index) >= Call.getNumArgs())
    return std::nullopt;
  return *Index;
}

bool AsyncModel::isDetachedToken(QualType T) const {
  return DetachedTokens.contains(className(T));
}

/// The name an enumerator is written with: 'Qt::QueuedConnection' for an
/// unscoped enum in namespace Qt, 'E::A' for a scoped one.
static std::string enumeratorName(const EnumConstantDecl &Enumerator) {
  const auto *Enum = cast<EnumDecl>(Enumerator.getDeclContext());
  const DeclContext *Scope = Enum->isScoped() ? Enum : Enum->getDeclContext();
  if (const auto *Named = dyn_cast<NamedDecl>(Scope))
    return Named->getQualifiedNameAsString() +
           "::" + Enumerator.getName().str();
  return Enumerator.getName().str();
}

bool AsyncModel::isOrderedQueueing(const CallExpr &Call) const {
  const std::string *Enumerator = OrderedQueueings.find(Call);
  return Enumerator && llvm::any_of(Call.arguments(), [&](const Expr *Arg) {
           const auto *Ref = dyn_cast<DeclRefExpr>(Arg->IgnoreParenImpCasts());
           const auto *Constant =
               Ref ? dyn_cast<EnumConstantDecl>(Ref->getDecl()) : nullptr;
           return Constant && enumeratorName(*Constant) == *Enumerator;
         });
}

const Expr *AsyncModel::signalSender(const CallExpr &Call) const {
  const int *Index = SignalConnections.find(Call);
  if (!Index || static_cast<unsigned>(*Index) >= Call.getNumArgs())
    return nullptr;
  return Call.getArg(*Index);
}

bool AsyncModel::isForeignThreadSender(QualType T) const {
  T = T.getNonReferenceType();
  if (T->isPointerType())
    T = T->getPointeeType();
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  if (RD)
    RD = RD->getDefinition();
  if (!RD)
    return false;
  auto Named = [this](const CXXRecordDecl *Class) {
    return Class->getIdentifier() &&
           ForeignThreadSenders.contains(apiName(*Class));
  };
  return Named(RD) || !RD->forallBases([&](const CXXRecordDecl *Base) {
    return !Named(Base);
  });
}

bool AsyncModel::isThreadType(QualType T) const {
  return ThreadTypes.contains(className(T));
}

bool AsyncModel::isSharedOwned(const CXXRecordDecl &Class) const {
  const CXXRecordDecl *Definition = Class.getDefinition();
  if (!Definition)
    return false;
  return !Definition->forallBases([this](const CXXRecordDecl *Base) {
    return !(Base->getIdentifier() &&
             SharedOwnerBases.contains(apiName(*Base)));
  });
}

bool AsyncModel::isContextObjectPointer(QualType T) const {
  T = T.getNonReferenceType();
  if (!T->isPointerType())
    return false;
  const CXXRecordDecl *Class = T->getPointeeType()->getAsCXXRecordDecl();
  if (Class)
    Class = Class->getDefinition();
  if (!Class)
    return false;
  auto IsBase = [this](const CXXRecordDecl *Base) {
    return Base->getIdentifier() && ContextObjectBases.contains(apiName(*Base));
  };
  return IsBase(Class) || !Class->forallBases([&](const CXXRecordDecl *Base) {
    return !IsBase(Base);
  });
}

bool AsyncModel::isReferenceLike(QualType T) const {
  if (T->isReferenceType() || T->isPointerType())
    return true;
  std::string Name = className(T);
  return !Name.empty() && (ReferenceLikeNames.contains(Name) ||
                           UserReferenceLikeTypes.matches(Name));
}

bool AsyncModel::isConstructedUnlocked(const VarDecl &Lock) const {
  const auto *Construct = dyn_cast_or_null<CXXConstructExpr>(
      Lock.getInit() ? Lock.getInit()->IgnoreImplicit() : nullptr);
  if (!Construct)
    return false;
  return llvm::any_of(Construct->arguments(), [this](const Expr *Arg) {
    const CXXRecordDecl *Tag = classOf(Arg);
    return Tag && Tag->getIdentifier() && DeferLockTags.contains(apiName(*Tag));
  });
}

bool AsyncModel::isCurrentTime(const CallExpr &Call) const {
  const auto *Method = dyn_cast_or_null<CXXMethodDecl>(Call.getDirectCallee());
  return Method && Method->isStatic() && Method->getIdentifier() &&
         CurrentTimeMembers.contains(Method->getName());
}

bool AsyncModel::isReadinessCheck(const CallExpr &Call) const {
  return Readiness.find(Call) != nullptr || Infer.isFutureReadiness(Call);
}

std::optional<SchedulingApi>
AsyncModel::schedulingCall(const CallExpr &Call) const {
  if (const SchedulingApi *Api = Scheduling.find(Call))
    return *Api;
  if (!UserScheduling.empty())
    for (const std::string &Key : callKeys(Call))
      if (UserScheduling.matches(Key))
        return SchedulingApi{"", SchedulingKind::Handler};
  if (Infer.isFutureContinuation(Call))
    return SchedulingApi{"", SchedulingKind::Continuation};
  if (Infer.scheduling(Call))
    return SchedulingApi{"", SchedulingKind::Handler};
  return std::nullopt;
}

const InferredRole *AsyncModel::inferredScheduling(const CallExpr &Call) const {
  if (Scheduling.find(Call))
    return nullptr;
  for (const std::string &Key : callKeys(Call))
    if (UserScheduling.matches(Key))
      return nullptr;
  if (Infer.isFutureContinuation(Call))
    return Infer.future(*objectClass(Call));
  return Infer.scheduling(Call);
}

bool AsyncModel::isCompletionInitiator(const FunctionDecl &Callee) const {
  if (!Callee.getIdentifier())
    return false;
  for (llvm::StringRef Prefix : CompletionPrefixes)
    if (Callee.getName().starts_with(Prefix))
      return true;
  return false;
}

bool AsyncModel::isCallableWrapper(const CallExpr &Call) const {
  return Wrappers.find(Call) != nullptr;
}

bool AsyncModel::isThreadSpawn(const CallExpr &Call) const {
  return ThreadSpawns.find(Call) != nullptr;
}

bool AsyncModel::isConfiguredAsync(const FunctionDecl &FD) const {
  for (const auto *Attr : FD.specific_attrs<AnnotateAttr>())
    if (Attr->getAnnotation() == "async_tidy::async")
      return true;
  return !AsyncFunctions.empty() && FD.getIdentifier() &&
         AsyncFunctions.matches(apiName(FD));
}

} // namespace clang::tidy::async::model

//===--- Inference.cpp ----------------------------------------------------===//

#include "Inference.h"
#include "ApiNames.h"
#include "AstHelpers.h"
#include "AsyncModel.h"
#include "StmtWalk.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringExtras.h"

namespace clang::tidy::async::model {

Inference::Inference(InferenceFamilies Families) : Families(Families) {
#define ASYNC_INFER_FUTURE_WAIT(Member, Kind)                                  \
  FutureWaits[Member] = WaitKind::Kind;                                        \
  WaitNames.insert(Member);
#define ASYNC_INFER_FUTURE_CONTINUATION(Member) Continuations.insert(Member);
#define ASYNC_INFER_FUTURE_READINESS(Member) Readiness.insert(Member);
#define ASYNC_INFER_COMPLETER(Member) Completers.insert(Member);
#define ASYNC_INFER_FUTURE_SOURCE(Member) FutureSources.insert(Member);
#define ASYNC_INFER_FUTURE_NOUN(Word) FutureNouns.insert(Word);
#define ASYNC_INFER_SCHEDULE_VERB(Member, Strong) ScheduleVerbs[Member] = Strong;
#define ASYNC_INFER_EXECUTOR_NOUN(Word) ExecutorNouns.insert(Word);
#define ASYNC_INFER_MUTEX_PAIR(Lock, Unlock)                                   \
  MutexPairs[Lock] = Unlock;                                                   \
  MutexUnlocks.insert(Unlock);
#define ASYNC_INFER_LOCK_NOUN(Word) LockNouns.insert(Word);
#define ASYNC_INFER_TIMER_NOUN(Word) TimerNouns.insert(Word);
#define ASYNC_INFER_PERIODIC_WORD(Word) PeriodicWords.insert(Word);
#include "Inference.def"
#define ASYNC_TIMER_TYPE(Name) TimerTypeNames.insert(Name);
#define ASYNC_TIMER_DISARM(Name) TimerDisarms.insert(Name);
#define ASYNC_DURATION_TYPE(Name)                                              \
  DurationTypes.insert(Name);                                                  \
  DurationShortNames.insert(shortName(Name));
#include "Timers.def"
  if (!Families.Futures)
    WaitNames.clear();
}

/// The standard library is described by the tables alone.
static bool inStd(const Decl &D) {
  for (const DeclContext *DC = D.getDeclContext(); DC; DC = DC->getParent())
    if (DC->isStdNamespace())
      return true;
  return false;
}

static std::string quoted(llvm::StringRef Text) {
  return ("'" + Text + "'").str();
}

const InferredRole *Inference::keep(const NamedDecl &Decl,
                                    std::string Why) const {
  Roles.push_back({&Decl, std::move(Why)});
  return &Roles.back();
}

/// A named member function (or member function template) of \p Class or of
/// one of its bases that \p Wanted accepts.
static const NamedDecl *
findMember(const CXXRecordDecl &Class,
           llvm::function_ref<bool(const NamedDecl &)> Wanted) {
  const NamedDecl *Found = nullptr;
  auto Scan = [&](const CXXRecordDecl &RD) {
    for (const Decl *D : RD.decls()) {
      const auto *Member = dyn_cast<NamedDecl>(D);
      if (Member && isa<CXXMethodDecl, FunctionTemplateDecl>(Member) &&
          Member->getIdentifier() && Wanted(*Member)) {
        Found = Member;
        return false;
      }
    }
    return true;
  };
  if (!Scan(Class))
    return Found;
  Class.forallBases([&](const CXXRecordDecl *Base) {
    const CXXRecordDecl *Members = classWithMembers(Base);
    return !Members || Scan(*Members);
  });
  return Found;
}

const NamedDecl *Inference::memberIn(const CXXRecordDecl &Class,
                                     const llvm::StringSet<> &Names) const {
  return findMember(Class, [&](const NamedDecl &Member) {
    return Names.contains(Member.getName());
  });
}

const InferredRole *Inference::cached(RoleCache &Cache,
                                      const CXXRecordDecl &Class,
                                      InferRole Infer) const {
  const Decl *Key = Class.getCanonicalDecl();
  // Null while inferring: a class that holds itself is no evidence.
  auto [It, Inserted] = Cache.try_emplace(Key, nullptr);
  if (!Inserted)
    return It->second;
  const InferredRole *Role = (this->*Infer)(Class);
  Cache[Key] = Role;
  return Role;
}

const InferredRole *Inference::future(const CXXRecordDecl &Class) const {
  return Families.Futures ? cached(FutureCache, Class, &Inference::inferFuture)
                          : nullptr;
}

/// A class a coroutine returns or awaits: a nested promise_type or the
/// awaiter members.
static bool isCoroutineShaped(const CXXRecordDecl &Class) {
  return hasAwaiterShape(Class) || hasMember(Class, "promise_type");
}

const InferredRole *Inference::inferFuture(const CXXRecordDecl &Class) const {
  if (!Class.getIdentifier() || Class.isLambda() || inStd(Class))
    return nullptr;
  const CXXRecordDecl *Members = classWithMembers(&Class);
  if (!Members)
    return nullptr;
  // A coroutine's task is awaited; its accessors read a finished result.
  if (isCoroutineShaped(*Members))
    return nullptr;
  const NamedDecl *Wait = memberIn(*Members, WaitNames);
  if (!Wait)
    return nullptr;
  std::string Name = quoted(apiName(Class));
  // Readiness is no evidence: a finished value-or-error ('Try::available')
  // and a thread ('isFinished', 'wait') have it too.
  if (const NamedDecl *Progress = memberIn(*Members, Continuations))
    return keep(Class, Name + " is treated as a future: it has " +
                           quoted(Wait->getName()) + " and " +
                           quoted(Progress->getName()));
  llvm::SmallVector<std::string, 4> Words = identifierWords(Class.getName());
  if (!Words.empty() && FutureNouns.contains(Words.back()))
    return keep(Class, Name + " is treated as a future: its name says " +
                           quoted(Words.back()) + " and it has " +
                           quoted(Wait->getName()));
  return nullptr;
}

const CXXRecordDecl *
Inference::inferredFutureObject(const CallExpr &Call) const {
  const auto *Method = dyn_cast_or_null<CXXMethodDecl>(Call.getDirectCallee());
  if (!Families.Futures || !Method || Method->isStatic() ||
      !Method->getIdentifier())
    return nullptr;
  const CXXRecordDecl *Object = objectClass(Call);
  return Object && future(*Object) ? Object : nullptr;
}

std::optional<WaitKind> Inference::futureWait(const CallExpr &Call) const {
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee || !Callee->getIdentifier())
    return std::nullopt;
  auto Wait = FutureWaits.find(Callee->getName());
  if (Wait == FutureWaits.end() || !inferredFutureObject(Call))
    return std::nullopt;
  return Wait->second;
}

bool Inference::isFutureReadiness(const CallExpr &Call) const {
  const FunctionDecl *Callee = Call.getDirectCallee();
  return Callee && Callee->getIdentifier() &&
         Readiness.contains(Callee->getName()) && inferredFutureObject(Call);
}

bool Inference::isFutureContinuation(const CallExpr &Call) const {
  const FunctionDecl *Callee = Call.getDirectCallee();
  return Callee && Callee->getIdentifier() &&
         Continuations.contains(Callee->getName()) &&
         inferredFutureObject(Call);
}

bool Inference::isDroppableFuture(const CallExpr &Call) const {
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee || !Callee->getIdentifier())
    return false;
  if (Continuations.contains(Callee->getName()))
    return inferredFutureObject(Call);
  const CXXRecordDecl *Result = Call.getType()->getAsCXXRecordDecl();
  return FutureSources.contains(Callee->getName()) && Result &&
         future(*Result);
}

const InferredRole *Inference::completer(const CallExpr &Call) const {
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Families.Promises || !Callee || !Callee->getIdentifier() ||
      !Completers.contains(Callee->getName()))
    return nullptr;
  const CXXRecordDecl *Object = objectClass(Call);
  if (!Object || !Object->getIdentifier() || inStd(*Object))
    return nullptr;
  const Decl *Key = Object->getCanonicalDecl();
  auto Cached = PromiseCache.find(Key);
  if (Cached != PromiseCache.end())
    return Cached->second;
  const InferredRole *Role = nullptr;
  std::string Name = quoted(apiName(*Object));
  const CXXRecordDecl *Members = classWithMembers(Object);
  if (future(*Object)) {
    Role = keep(*Object, Name + " is treated as a promise: it is a future " +
                             "that its own " + quoted(Callee->getName()) +
                             " completes");
  } else if (Members) {
    // The future the class hands out: what get_future() returns.
    const NamedDecl *Source = memberIn(*Members, FutureSources);
    const FunctionDecl *Getter = Source ? Source->getAsFunction() : nullptr;
    const CXXRecordDecl *Handed =
        Getter ? Getter->getReturnType()->getAsCXXRecordDecl() : nullptr;
    if (Handed && (future(*Handed) || isCoroutineShaped(*Handed)))
      Role = keep(*Object, Name + " is treated as a promise: " +
                               quoted(Getter->getName()) + " hands out " +
                               quoted(apiName(*Handed)) + ", which " +
                               quoted(Callee->getName()) + " completes");
  }
  PromiseCache[Key] = Role;
  return Role;
}

const InferredRole *Inference::scheduling(const CallExpr &Call) const {
  const FunctionDecl *Callee = Call.getDirectCallee();
  // Most calls end at this lookup.
  if (!Families.Executors || !Callee || !Callee->getIdentifier() ||
      !ScheduleVerbs.contains(Callee->getName()) || inStd(*Callee))
    return nullptr;
  const CXXRecordDecl *Object = objectClass(Call);
  std::pair<const Decl *, const Decl *> Key{
      Callee->getCanonicalDecl(), Object ? Object->getCanonicalDecl() : nullptr};
  auto Cached = SchedulingCache.find(Key);
  if (Cached != SchedulingCache.end())
    return Cached->second;
  // A wrapper that hands its callable to itself is no evidence.
  SchedulingCache[Key] = nullptr;
  const InferredRole *Role = inferScheduling(Call, *Callee);
  SchedulingCache[Key] = Role;
  return Role;
}

/// A word of \p Class's name that says it runs work, or an empty string.
static std::string executorWord(const CXXRecordDecl *Class,
                                const llvm::StringSet<> &Nouns) {
  if (!Class || !Class->getIdentifier())
    return {};
  for (const std::string &Word : identifierWords(Class->getName()))
    if (Nouns.contains(Word))
      return Word;
  return {};
}

namespace {
/// What a function's body does with its callable parameters.
struct CallableUse {
  bool Stored = false;       ///< kept in a member, a global or a container
  bool CalledInline = false; ///< called before the function returns
};
} // namespace

/// The object a member call or assignment acts on outlives the call: a
/// data member (through any chain of members) or a global.
static bool isLasting(const Expr *Object) {
  while (Object) {
    Object = Object->IgnoreParenImpCasts();
    if (isa<CXXThisExpr>(Object))
      return true;
    if (const auto *Member = dyn_cast<MemberExpr>(Object)) {
      if (isa<FieldDecl>(Member->getMemberDecl()))
        return true;
      Object = Member->getBase();
      continue;
    }
    if (const auto *Ref = dyn_cast<DeclRefExpr>(Object)) {
      const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
      return Var && Var->hasGlobalStorage() && !Var->isStaticLocal();
    }
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Object);
        Op && Op->getOperator() == OO_Arrow && Op->getNumArgs() == 1) {
      Object = Op->getArg(0);
      continue;
    }
    if (const auto *Unary = dyn_cast<UnaryOperator>(Object);
        Unary && Unary->getOpcode() == UO_Deref) {
      Object = Unary->getSubExpr();
      continue;
    }
    if (const auto *Element = dyn_cast<ArraySubscriptExpr>(Object)) {
      Object = Element->getBase();
      continue;
    }
    return false;
  }
  return false;
}

/// Whether \p S names one of \p Vars, lambda captures included.
static bool mentions(const Stmt &S,
                     const llvm::SmallPtrSetImpl<const VarDecl *> &Vars) {
  bool Found = false;
  walkStatements(S, [&](const Stmt &Node, const Stmt *) {
    if (const auto *Ref = dyn_cast<DeclRefExpr>(&Node))
      if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
          Var && Vars.contains(Var)) {
        Found = true;
        return WalkAction::Stop;
      }
    return WalkAction::Descend;
  });
  return Found;
}

/// A call of one of \p Vars itself: 'f()', 'f(args)'.
static bool callsDirectly(const Stmt &S,
                          const llvm::SmallPtrSetImpl<const VarDecl *> &Vars) {
  const Expr *Target = nullptr;
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(&S)) {
    if (Op->getOperator() == OO_Call && Op->getNumArgs() >= 1)
      Target = Op->getArg(0);
  } else if (const auto *Call = dyn_cast<CallExpr>(&S)) {
    Target = Call->getCallee();
  }
  if (!Target)
    return false;
  const auto *Ref = dyn_cast<DeclRefExpr>(Target->IgnoreParenImpCasts());
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  return Var && Vars.contains(Var);
}

/// Follows \p Params through the body of \p Definition: into locals
/// initialised from them, into members, globals and the containers held
/// there, into scheduling calls (\p Schedules) and into direct calls. A
/// lambda's body runs later, so a call there is not inline, but a lambda
/// that captures a parameter and is stored stores it.
static CallableUse
useOfCallables(const FunctionDecl &Definition,
               llvm::ArrayRef<const ParmVarDecl *> Params,
               llvm::function_ref<bool(const CallExpr &)> Schedules) {
  CallableUse Use;
  const Stmt *Body = Definition.getBody();
  if (!Body)
    return Use;
  llvm::SmallPtrSet<const VarDecl *, 4> Carriers(Params.begin(), Params.end());
  walkStatements(*Body, [&](const Stmt &S, const Stmt *Parent) {
    if (Parent && isa<LambdaExpr>(Parent) && isa<CompoundStmt>(S))
      return WalkAction::Skip;
    if (const auto *Decls = dyn_cast<DeclStmt>(&S))
      for (const Decl *D : Decls->decls())
        if (const auto *Var = dyn_cast<VarDecl>(D);
            Var && Var->getInit() && mentions(*Var->getInit(), Carriers))
          Carriers.insert(Var);
    if (callsDirectly(S, Carriers))
      Use.CalledInline = true;
    if (const auto *Call = dyn_cast<CallExpr>(&S);
        Call && !Use.Stored && Schedules(*Call) &&
        llvm::any_of(Call->arguments(), [&](const Expr *Arg) {
          return mentions(*Arg, Carriers);
        }))
      Use.Stored = true;
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&S)) {
      if (isLasting(Member->getImplicitObjectArgument()))
        for (const Expr *Arg : Member->arguments())
          if (mentions(*Arg, Carriers))
            Use.Stored = true;
    } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(&S)) {
      if (Op->getOperator() == OO_Equal && Op->getNumArgs() == 2 &&
          isLasting(Op->getArg(0)) && mentions(*Op->getArg(1), Carriers))
        Use.Stored = true;
    } else if (const auto *Assign = dyn_cast<BinaryOperator>(&S)) {
      if (Assign->isAssignmentOp() && isLasting(Assign->getLHS()) &&
          mentions(*Assign->getRHS(), Carriers))
        Use.Stored = true;
    }
    return WalkAction::Descend;
  });
  return Use;
}

/// The definition whose body says what \p Callee does: its own, or that of
/// the template it was instantiated from.
static const FunctionDecl *bodyOf(const FunctionDecl &Callee) {
  const FunctionDecl *Definition = nullptr;
  if (Callee.hasBody(Definition))
    return Definition;
  if (const FunctionDecl *Pattern = Callee.getTemplateInstantiationPattern())
    if (Pattern->hasBody(Definition))
      return Definition;
  return nullptr;
}

const InferredRole *
Inference::inferScheduling(const CallExpr &Call,
                           const FunctionDecl &Callee) const {
  llvm::SmallVector<unsigned, 2> CallableIndexes;
  std::string Other; // an executor word in a parameter's class
  for (unsigned I = 0; I < Callee.getNumParams(); ++I) {
    QualType T = Callee.getParamDecl(I)->getType();
    if (isCallableType(T)) {
      CallableIndexes.push_back(I);
      continue;
    }
    T = T.getNonReferenceType();
    if (T->isPointerType())
      T = T->getPointeeType();
    if (Other.empty())
      Other = executorWord(T->getAsCXXRecordDecl(), ExecutorNouns);
  }
  if (CallableIndexes.empty())
    return nullptr;

  CallableUse Use;
  const FunctionDecl *Definition = bodyOf(Callee);
  llvm::SmallVector<const ParmVarDecl *, 2> Params;
  if (Definition) {
    for (unsigned I : CallableIndexes)
      if (I < Definition->getNumParams())
        Params.push_back(Definition->getParamDecl(I));
    Use = useOfCallables(*Definition, Params, [this](const CallExpr &Inner) {
      return scheduling(Inner) != nullptr;
    });
    // An inline executor: the work is done when the call returns.
    if (Use.CalledInline && !Use.Stored)
      return nullptr;
  }

  const auto *Method = dyn_cast<CXXMethodDecl>(&Callee);
  const CXXRecordDecl *Object = objectClass(Call);
  if (!Object && Method)
    Object = Method->getParent();
  std::string Word = executorWord(Object, ExecutorNouns);
  std::string Name = quoted(apiName(Callee));
  if (!Word.empty())
    return keep(Callee, Name + " is treated as a scheduling call: " +
                            quoted(Object->getName()) + " names an " +
                            "executor ('" + Word + "') and it takes a " +
                            "callable");
  if (!Other.empty())
    return keep(Callee, Name + " is treated as a scheduling call: it takes " +
                            "an executor ('" + Other + "') and a callable");
  if (Use.Stored && ScheduleVerbs.lookup(Callee.getName()))
    return keep(Callee, Name + " is treated as a scheduling call: it stores " +
                            "its callable parameter " +
                            quoted(Params.front()->getName()) +
                            " to run it later");
  return nullptr;
}

const InferredRole *Inference::lock(const CXXRecordDecl &Class) const {
  return Families.Locks ? cached(LockCache, Class, &Inference::inferLock)
                        : nullptr;
}

/// Whether the body of \p Destructor calls a member named in \p Names.
static bool callsMember(const CXXDestructorDecl *Destructor,
                        const llvm::StringSet<> &Names) {
  const FunctionDecl *Definition = Destructor ? bodyOf(*Destructor) : nullptr;
  if (!Definition)
    return false;
  bool Found = false;
  walkStatements(*Definition->getBody(), [&](const Stmt &S, const Stmt *) {
    if (const auto *Call = dyn_cast<CXXMemberCallExpr>(&S))
      if (const CXXMethodDecl *Method = Call->getMethodDecl();
          Method && Method->getIdentifier() &&
          Names.contains(Method->getName())) {
        Found = true;
        return WalkAction::Stop;
      }
    return WalkAction::Descend;
  });
  return Found;
}

/// A lock member that blocks the thread: it returns nothing or whether it
/// got the lock. One that returns an operation (an awaitable) belongs to a
/// coroutine mutex, which suspends instead.
static bool locksThread(const NamedDecl &Lock) {
  const auto *Function = dyn_cast<FunctionDecl>(Lock.getAsFunction());
  if (!Function)
    return false;
  QualType Result = Function->getReturnType();
  return Result->isVoidType() || Result->isBooleanType();
}

std::optional<std::pair<llvm::StringRef, llvm::StringRef>>
Inference::mutexPair(const CXXRecordDecl &Class) const {
  for (const auto &Pair : MutexPairs) {
    llvm::StringRef Unlock = Pair.getValue();
    const NamedDecl *Lock = findMember(Class, [&](const NamedDecl &Member) {
      return Member.getName() == Pair.getKey();
    });
    if (Lock && locksThread(*Lock) &&
        findMember(Class, [&](const NamedDecl &Member) {
          return Member.getName() == Unlock;
        }))
      return std::make_pair(Pair.getKey(), Unlock);
  }
  return std::nullopt;
}

const InferredRole *Inference::mutexLock(const CallExpr &Call) const {
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Families.Locks || !Callee || !Callee->getIdentifier() ||
      !MutexPairs.contains(Callee->getName()))
    return nullptr;
  const CXXRecordDecl *Object = objectClass(Call);
  if (!Object || !Object->getIdentifier() || inStd(*Object))
    return nullptr;
  const Decl *Key = Object->getCanonicalDecl();
  auto Cached = MutexCache.find(Key);
  if (Cached == MutexCache.end()) {
    const InferredRole *Role = nullptr;
    const CXXRecordDecl *Members = classWithMembers(Object);
    if (auto Pair = Members ? mutexPair(*Members) : std::nullopt)
      Role = keep(*Object, quoted(apiName(*Object)) +
                               " is treated as a mutex: it has " +
                               quoted(Pair->first) + " and " +
                               quoted(Pair->second));
    Cached = MutexCache.try_emplace(Key, Role).first;
  }
  // 'unlock' and 'try_lock' do not wait; only the pair's own lock does.
  const CXXRecordDecl *Members = classWithMembers(Object);
  auto Pair = Cached->second && Members ? mutexPair(*Members) : std::nullopt;
  return Pair && Pair->first == Callee->getName() ? Cached->second : nullptr;
}

const InferredRole *Inference::inferLock(const CXXRecordDecl &Class) const {
  if (!Class.getIdentifier() || Class.isLambda() || inStd(Class))
    return nullptr;
  const CXXRecordDecl *Members = classWithMembers(&Class);
  if (!Members)
    return nullptr;
  // The mutex-like class a constructor takes by reference or pointer.
  const CXXRecordDecl *Mutex = nullptr;
  llvm::StringRef LockName, UnlockName;
  for (const CXXConstructorDecl *Ctor : Members->ctors()) {
    if (Ctor->isCopyOrMoveConstructor())
      continue;
    for (const ParmVarDecl *Param : Ctor->parameters()) {
      QualType T = Param->getType();
      if (!T->isReferenceType() && !T->isPointerType())
        continue;
      const CXXRecordDecl *Candidate =
          classWithMembers(T->getPointeeType()->getAsCXXRecordDecl());
      if (!Candidate)
        continue;
      if (auto Pair = mutexPair(*Candidate)) {
        Mutex = Candidate;
        std::tie(LockName, UnlockName) = *Pair;
        break;
      }
    }
    if (Mutex)
      break;
  }
  if (!Mutex)
    return nullptr;
  std::string Why = quoted(apiName(Class)) +
                    " is treated as a lock: its constructor takes " +
                    quoted(Mutex->getName()) + ", which has " +
                    quoted(LockName) + " and " + quoted(UnlockName);
  if (callsMember(Members->getDestructor(), MutexUnlocks))
    return keep(Class, Why + ", and its destructor unlocks it");
  llvm::SmallVector<std::string, 4> Words = identifierWords(Class.getName());
  if (!Words.empty() && LockNouns.contains(Words.back()) &&
      Members->getDestructor() && Members->getDestructor()->isUserProvided())
    return keep(Class, Why + ", and its name says " + quoted(Words.back()));
  return nullptr;
}

const InferredRole *Inference::timer(const CXXRecordDecl &Class) const {
  return Families.Timers ? cached(TimerCache, Class, &Inference::inferTimer)
                         : nullptr;
}

bool Inference::isDurationType(QualType T) const {
  T = T.getNonReferenceType();
  const NamedDecl *Named = nullptr;
  if (const auto *Spec = T->getAs<TemplateSpecializationType>())
    Named = Spec->getTemplateName().getAsTemplateDecl();
  else if (const CXXRecordDecl *RD = T->getAsCXXRecordDecl()) {
    Named = RD;
    if (const auto *Instance = dyn_cast<ClassTemplateSpecializationDecl>(RD))
      Named = Instance->getSpecializedTemplate();
  }
  // Most parameters end at the short name.
  return Named && Named->getIdentifier() &&
         DurationShortNames.contains(Named->getName()) &&
         DurationTypes.contains(apiName(*Named));
}

/// The function a member declaration (a method or a method template) is.
static const CXXMethodDecl *asMethod(const NamedDecl &Member) {
  if (const auto *Template = dyn_cast<FunctionTemplateDecl>(&Member))
    return dyn_cast<CXXMethodDecl>(Template->getTemplatedDecl());
  return dyn_cast<CXXMethodDecl>(&Member);
}

/// A parameter that can take a lambda: a callable type, or a template
/// parameter of a function template ('F &&f').
static bool takesCallable(const FunctionDecl &Function) {
  return llvm::any_of(Function.parameters(), [](const ParmVarDecl *Param) {
    QualType T = Param->getType().getNonReferenceType();
    return isCallableType(T) || T->getAs<TemplateTypeParmType>();
  });
}

const NamedDecl *Inference::armMember(const CXXRecordDecl &Class) const {
  return findMember(Class, [&](const NamedDecl &Member) {
    if (TimerDisarms.contains(Member.getName()))
      return false;
    const CXXMethodDecl *Method = asMethod(Member);
    if (!Method || Method->isStatic())
      return false;
    QualType Result = Method->getReturnType();
    return (Result->isVoidType() || Result->isBooleanType()) &&
           llvm::any_of(Method->parameters(), [&](const ParmVarDecl *Param) {
             return isDurationType(Param->getType());
           });
  });
}

const InferredRole *Inference::inferTimer(const CXXRecordDecl &Class) const {
  if (!Class.getIdentifier() || Class.isLambda() || inStd(Class) ||
      TimerTypeNames.contains(apiName(Class)))
    return nullptr;
  const CXXRecordDecl *Members = classWithMembers(&Class);
  if (!Members || isCoroutineShaped(*Members))
    return nullptr;
  const NamedDecl *Arm = armMember(*Members);
  const NamedDecl *Disarm = Arm ? memberIn(*Members, TimerDisarms) : nullptr;
  // A future with a timed wait and a cancel is waited for, not armed.
  if (!Disarm || future(Class))
    return nullptr;
  std::string Why = quoted(apiName(Class)) +
                    " is treated as a timer: " + quoted(Arm->getName()) +
                    " takes a duration, " + quoted(Disarm->getName()) +
                    " disarms it";
  // The third signal: what it runs, what it holds, or what it is called.
  for (const Decl *D : Members->decls()) {
    const auto *Member = dyn_cast<NamedDecl>(D);
    const CXXMethodDecl *Method = Member ? asMethod(*Member) : nullptr;
    if (Method && !Method->isCopyAssignmentOperator() &&
        !Method->isMoveAssignmentOperator() &&
        !(isa<CXXConstructorDecl>(Method) &&
          cast<CXXConstructorDecl>(Method)->isCopyOrMoveConstructor()) &&
        takesCallable(*Method))
      return keep(Class, Why + ", and " +
                             (isa<CXXConstructorDecl>(Method)
                                  ? std::string("a constructor")
                                  : quoted(Method->getName())) +
                             " takes the callable it runs");
  }
  for (const FieldDecl *Field : Members->fields()) {
    const CXXRecordDecl *Held = Field->getType()->getAsCXXRecordDecl();
    if (Held && Held->getIdentifier() &&
        (TimerTypeNames.contains(apiName(*Held)) || timer(*Held)))
      return keep(Class,
                  Why + ", and it holds the timer " + quoted(apiName(*Held)));
  }
  llvm::SmallVector<std::string, 4> Words = identifierWords(Class.getName());
  for (const std::string &Word : Words)
    if (TimerNouns.contains(Word))
      return keep(Class, Why + ", and its name says " + quoted(Word));
  return nullptr;
}

const InferredRole *Inference::timerArm(const CXXMemberCallExpr &Call,
                                        bool &Periodic) const {
  const CXXMethodDecl *Method = Call.getMethodDecl();
  if (!Families.Timers || !Method || !Method->getIdentifier() ||
      TimerDisarms.contains(Method->getName()))
    return nullptr;
  unsigned Durations = 0;
  for (unsigned I = 0; I < Call.getNumArgs() && I < Method->getNumParams();
       ++I) {
    if (isa<CXXDefaultArgExpr>(Call.getArg(I)))
      continue;
    QualType T = Method->getParamDecl(I)->getType().getNonReferenceType();
    // 'arm(when, std::optional<duration> period)'
    if (const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
            T->getAsCXXRecordDecl());
        Spec && Spec->getTemplateArgs().size() == 1 &&
        Spec->getTemplateArgs()[0].getKind() == TemplateArgument::Type)
      if (isDurationType(Spec->getTemplateArgs()[0].getAsType()))
        T = Spec->getTemplateArgs()[0].getAsType();
    if (isDurationType(T))
      ++Durations;
  }
  if (Durations == 0)
    return nullptr;
  const CXXRecordDecl *Object = objectClass(Call);
  const InferredRole *Role = Object ? timer(*Object) : nullptr;
  if (!Role)
    return nullptr;
  // A second duration is the period to fire again with.
  Periodic =
      Durations > 1 || llvm::any_of(identifierWords(Method->getName()),
                                    [&](const std::string &Word) {
                                      return PeriodicWords.contains(Word);
                                    });
  return Role;
}

} // namespace clang::tidy::async::model

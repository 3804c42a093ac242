//===--- Offload.cpp ------------------------------------------------------===//

#include "Offload.h"
#include "ApiNames.h"
#include "AstHelpers.h"
#include "StmtWalk.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/CharInfo.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"

namespace clang::tidy::async::model {

namespace {
/// The tables of Offload.def. They take no options, so one copy serves
/// every model.
struct OffloadTables {
  llvm::StringSet<> ExecutorTypes, Calls, Submits, EventLoops;
  llvm::StringSet<> SubmitMembers; // unqualified, for a quick no
  llvm::SmallVector<std::string, 8> Names, Negations;
  llvm::StringMap<int> Switches;

  OffloadTables() {
#define ASYNC_OFFLOAD_EXECUTOR_TYPE(Name) ExecutorTypes.insert(Name);
#define ASYNC_OFFLOAD_CALL(Name) Calls.insert(Name);
#define ASYNC_EXECUTOR_SUBMIT(Name)                                            \
  Submits.insert(Name);                                                        \
  SubmitMembers.insert(llvm::StringRef(Name).rsplit("::").second);
#define ASYNC_OFFLOAD_NAME(Words) Names.push_back(std::string("_") + (Words));
#define ASYNC_OFFLOAD_NAME_NEGATION(Word)                                      \
  Negations.push_back(std::string("_") + (Word));
#define ASYNC_EVENT_LOOP_TYPE(Name) EventLoops.insert(Name);
#define ASYNC_EXECUTOR_SWITCH(Name, ExecutorArg) Switches[Name] = ExecutorArg;
#include "Offload.def"
  }
};
} // namespace

static const OffloadTables &tables() {
  static const OffloadTables Tables;
  return Tables;
}

/// Appends the lower-case words of an identifier, each followed by '_':
/// 'm_backgroundExecutor' gives 'm_background_executor_'.
static void appendWords(llvm::StringRef Name, std::string &Out) {
  for (const std::string &Word : identifierWords(Name))
    Out += Word + "_";
}

/// Whether the words hold an entry of ASYNC_OFFLOAD_NAME that no negation
/// word precedes.
static bool hasOffloadName(llvm::StringRef Words) {
  const OffloadTables &T = tables();
  for (const std::string &Name : T.Names) {
    std::string Key = Name + "_";
    for (size_t Pos = Words.find(Key); Pos != llvm::StringRef::npos;
         Pos = Words.find(Key, Pos + 1)) {
      llvm::StringRef Before = Words.take_front(Pos);
      if (llvm::none_of(T.Negations, [&](const std::string &Negation) {
            return Before.ends_with(Negation);
          }))
        return true;
    }
  }
  return false;
}

/// The class an executor expression stands for, through pointers and
/// shared pointers.
static const CXXRecordDecl *executorClass(QualType T, const AsyncModel &Model) {
  T = T.getNonReferenceType();
  if (T->isPointerType())
    T = T->getPointeeType();
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  if (const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(RD);
      Spec && Model.isSharedPointer(T)) {
    const TemplateArgumentList &Args = Spec->getTemplateArgs();
    if (Args.size() > 0 && Args[0].getKind() == TemplateArgument::Type)
      return Args[0].getAsType()->getAsCXXRecordDecl();
  }
  return RD;
}

/// Whether \p Executor, the target of a scheduling call or a switch, is
/// meant for blocking work: by its class (the table), or by a name on the
/// way to it (variable, member, accessor, class) unless it is an event loop.
static bool isOffloadTarget(const Expr *Executor, const AsyncModel &Model) {
  if (!Executor)
    return false;
  const OffloadTables &T = tables();
  std::string Words = "_";
  // Past derived-to-base conversions: the class the user chose.
  QualType Type = Executor->IgnoreParenImpCasts()->getType();
  if (const CXXRecordDecl *RD = executorClass(Type, Model);
      RD && RD->getIdentifier()) {
    std::string Name = apiName(*RD);
    if (T.EventLoops.contains(Name))
      return false;
    if (T.ExecutorTypes.contains(Name))
      return true;
    appendWords(RD->getName(), Words);
  }
  const Expr *E = Executor;
  for (unsigned Step = 0; E && Step < 8; ++Step) {
    E = E->IgnoreParenImpCasts();
    if (const auto *Temp = dyn_cast<MaterializeTemporaryExpr>(E)) {
      E = Temp->getSubExpr();
    } else if (const auto *Bind = dyn_cast<CXXBindTemporaryExpr>(E)) {
      E = Bind->getSubExpr();
    } else if (const auto *Construct = dyn_cast<CXXConstructExpr>(E)) {
      E = Construct->getNumArgs() == 1 ? Construct->getArg(0) : nullptr;
    } else if (const auto *Unary = dyn_cast<UnaryOperator>(E)) {
      E = Unary->getSubExpr();
    } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
      E = Op->getNumArgs() == 1 ? Op->getArg(0) : nullptr; // '->', '*'
    } else if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
      appendWords(Ref->getDecl()->getName(), Words);
      break;
    } else if (const auto *Member = dyn_cast<MemberExpr>(E)) {
      if (Member->getMemberDecl()->getIdentifier())
        appendWords(Member->getMemberDecl()->getName(), Words);
      E = Member->getBase();
    } else if (const auto *Call = dyn_cast<CallExpr>(E)) {
      // An accessor ('runtime.background_executor()'), 'std::move(ex)'.
      const FunctionDecl *Callee = Call->getDirectCallee();
      if (Callee && Callee->getIdentifier())
        appendWords(Callee->getName(), Words);
      E = callObject(*Call);
      if (!E && Callee && Callee->isInStdNamespace() && Call->getNumArgs() == 1)
        E = Call->getArg(0);
    } else {
      break;
    }
  }
  return hasOffloadName(Words);
}

bool offloadsWork(const CallExpr &Call, const AsyncModel &Model) {
  if (isCallNamedIn(Call, tables().Calls))
    return true;
  const Expr *Target = callObject(Call);
  // A lone argument is the work itself.
  if (!Target && Call.getNumArgs() >= 2)
    Target = Call.getArg(0);
  return isOffloadTarget(Target, Model);
}

bool isExecutorSubmit(const CallExpr &Call) {
  const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call);
  const FunctionDecl *Callee = Member ? Member->getDirectCallee() : nullptr;
  return Callee && Callee->getIdentifier() &&
         tables().SubmitMembers.contains(Callee->getName()) &&
         isCallNamedIn(Call, tables().Submits);
}

/// For a 'co_await' of an executor switch (ASYNC_EXECUTOR_SWITCH): true and
/// the executor it moves onto (null when the call lacks that argument).
static std::pair<bool, const Expr *> switchTarget(const Stmt &S) {
  const auto *E = dyn_cast<Expr>(&S);
  const auto *Await =
      E ? dyn_cast<CoawaitExpr>(E->IgnoreImplicit()->IgnoreParens()) : nullptr;
  if (!Await || !Await->getOperand())
    return {false, nullptr};
  const auto *Call = dyn_cast<CallExpr>(writtenExpr(Await->getOperand()));
  if (!Call || !Call->getDirectCallee())
    return {false, nullptr};
  const OffloadTables &T = tables();
  for (const std::string &Key : callKeys(*Call)) {
    auto It = T.Switches.find(Key);
    if (It == T.Switches.end())
      continue;
    int Arg = It->second;
    if (Arg < 0)
      return {true, callObject(*Call)};
    return {true, static_cast<unsigned>(Arg) < Call->getNumArgs()
                      ? Call->getArg(Arg)
                      : nullptr};
  }
  return {false, nullptr};
}

std::optional<bool> executorSwitch(const Stmt &S, const AsyncModel &Model) {
  auto [IsSwitch, Target] = switchTarget(S);
  if (!IsSwitch)
    return std::nullopt;
  return isOffloadTarget(Target, Model);
}

bool switchesOffEventLoop(const Stmt &S, const AsyncModel &Model) {
  auto [IsSwitch, Target] = switchTarget(S);
  if (!IsSwitch || !Target)
    return false;
  const CXXRecordDecl *RD =
      executorClass(Target->IgnoreParenImpCasts()->getType(), Model);
  return !RD || !RD->getIdentifier() ||
         !tables().EventLoops.contains(apiName(*RD));
}

bool invokesGivenCallable(const CallExpr &Call) {
  const auto *Op = dyn_cast<CXXOperatorCallExpr>(&Call);
  if (!Op || Op->getOperator() != OO_Call || Op->getNumArgs() == 0)
    return false;
  const Expr *Callable = Op->getArg(0)->IgnoreParenImpCasts();
  // std::forward<F>(f)(...), std::move(f)(...)
  if (const auto *Cast = dyn_cast<CallExpr>(Callable);
      Cast && Cast->getNumArgs() == 1 && Cast->getDirectCallee() &&
      Cast->getDirectCallee()->isInStdNamespace())
    Callable = Cast->getArg(0)->IgnoreParenImpCasts();
  if (isa<MemberExpr>(Callable))
    return true;
  const auto *Ref = dyn_cast<DeclRefExpr>(Callable);
  return Ref && (isa<ParmVarDecl>(Ref->getDecl()) ||
                 Ref->refersToEnclosingVariableOrCapture());
}

static bool startsThread(const Stmt &S, const AsyncModel &Model) {
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(&S))
    return Model.isThreadType(Construct->getType());
  const auto *Call = dyn_cast<CallExpr>(&S);
  return Call && Model.isThreadSpawn(*Call);
}

bool movesIntoNewThread(const FunctionDecl &Callee, const ParmVarDecl &Param,
                        const AsyncModel &Model) {
  const Stmt *Body = Callee.getBody();
  if (!Body)
    return false;
  unsigned InThread = 0;
  bool Moved = false;
  bool Complete = walkStatements(
      *Body,
      [&](const Stmt &S, const Stmt *) {
        if (startsThread(S, Model))
          ++InThread;
        const auto *Ref = dyn_cast<DeclRefExpr>(&S);
        if (!Ref || Ref->getDecl() != &Param)
          return WalkAction::Descend;
        Moved = InThread > 0;
        return Moved ? WalkAction::Descend : WalkAction::Stop;
      },
      [&](const Stmt &S) {
        if (startsThread(S, Model))
          --InThread;
      },
      childrenOf);
  return Complete && Moved;
}

} // namespace clang::tidy::async::model

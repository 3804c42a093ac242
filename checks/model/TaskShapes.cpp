//===--- TaskShapes.cpp - Which types are tasks, by table and by shape ---===//
//
// A type is a task when a table names it, or by shape: a nested
// promise_type (unless it is a generator or fire-and-forget), the awaiter
// members, a member
// operator co_await, or [[clang::coro_return_type]]. Its promise's
// initial_suspend() tells lazy from eager.
//
//===----------------------------------------------------------------------===//

#include "ApiNames.h"
#include "AstHelpers.h"
#include "AsyncModel.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"

namespace clang::tidy::async::model {

static bool hasOperator(const CXXRecordDecl &RD, OverloadedOperatorKind Op) {
  DeclarationName Name =
      RD.getASTContext().DeclarationNames.getCXXOperatorName(Op);
  return !RD.lookup(Name).empty();
}

/// A generator: its promise yields values (co_yield) and the type is
/// iterated ('for (auto v : gen)', or 'co_await gen.begin()' for an
/// asynchronous one), or it is the generator's iterator, which names the
/// same promise ('++it', 'gen.begin()'). Nobody iterating it loses no
/// work. An iterator step that must be awaited is an awaiter.
static bool isGenerator(const CXXRecordDecl &RD) {
  const CXXRecordDecl *Promise = nestedPromise(RD);
  if (!Promise || !hasMember(*Promise, "yield_value"))
    return false;
  if (hasMember(RD, "begin") || hasMember(RD, "iterator"))
    return true;
  return hasOperator(RD, OO_PlusPlus) && hasOperator(RD, OO_Star) &&
         !hasAwaiterShape(RD);
}

static const CXXRecordDecl *recordOf(QualType T) {
  T = T.getNonReferenceType();
  if (T.isNull())
    return nullptr;
  return T->getAsCXXRecordDecl();
}

/// The class name of the awaiter the promise's \p Member (initial_suspend,
/// final_suspend) returns, or an empty string.
static std::string suspendAwaiter(const CXXRecordDecl &Promise,
                                  llvm::StringRef Member) {
  IdentifierInfo &Name = Promise.getASTContext().Idents.get(Member);
  for (const NamedDecl *M : Promise.lookup(DeclarationName(&Name)))
    if (const auto *Method = dyn_cast<CXXMethodDecl>(M))
      if (const CXXRecordDecl *Awaiter =
              Method->getReturnType()->getAsCXXRecordDecl())
        return Awaiter->getIdentifier() ? apiName(*Awaiter) : std::string();
  return std::string();
}

/// Whether the promise of a task type suspends before running the body:
/// its initial_suspend() returns std::suspend_always or the like.
bool AsyncModel::hasLazyPromise(const CXXRecordDecl &Task) const {
  const CXXRecordDecl *Promise = nestedPromise(Task);
  return Promise &&
         AlwaysSuspends.contains(suspendAwaiter(*Promise, "initial_suspend"));
}

/// A fire-and-forget coroutine type: it starts at once, its frame destroys
/// itself at the end (neither suspend point suspends), and the object it
/// returns offers nothing to await or wait on. Dropping it is its use.
bool AsyncModel::isFireAndForget(const CXXRecordDecl &Task) const {
  const CXXRecordDecl *Promise = nestedPromise(Task);
  if (!Promise || hasAwaiterShape(Task) ||
      !NeverSuspends.contains(suspendAwaiter(*Promise, "initial_suspend")) ||
      !NeverSuspends.contains(suspendAwaiter(*Promise, "final_suspend")))
    return false;
  return llvm::all_of(Task.methods(), [](const CXXMethodDecl *Method) {
    return Method->isImplicit() || isa<CXXConstructorDecl>(Method) ||
           isa<CXXDestructorDecl>(Method);
  });
}

std::optional<AsyncModel::TaskTraits> AsyncModel::taskTraits(QualType T) const {
  const CXXRecordDecl *RD = recordOf(T);
  if (!RD || !RD->getIdentifier())
    return std::nullopt;
  auto Cached = TraitsCache.find(RD->getCanonicalDecl());
  if (Cached != TraitsCache.end())
    return Cached->second;
  std::optional<TaskTraits> Traits;
  std::string Name = apiName(*RD);
  auto It = TaskTypeTable.find(Name);
  const CXXRecordDecl *Members = classWithMembers(RD);
  if (It != TaskTypeTable.end()) {
    Traits = It->second;
    Traits->SelfOwning = SelfOwningTasks.contains(Name);
  } else if (Members && !isGenerator(*Members) && !isFireAndForget(*Members) &&
             (Members->hasAttr<CoroReturnTypeAttr>() ||
              hasMember(*Members, "promise_type") ||
              hasAwaiterShape(*Members))) {
    Traits = TaskTraits{isAwaitableClass(*Members), hasLazyPromise(*Members)};
  } else if (UserTaskTypes.matches(Name)) {
    Traits = TaskTraits{Members && isAwaitableClass(*Members), false};
  } else if (Members && !isGenerator(*Members) && Infer.future(*RD)) {
    Traits = TaskTraits{isAwaitableClass(*Members), false};
  }
  TraitsCache[RD->getCanonicalDecl()] = Traits;
  return Traits;
}

const InferredRole *AsyncModel::inferredTask(QualType T) const {
  const CXXRecordDecl *RD = recordOf(T);
  if (!RD || !RD->getIdentifier() || TaskTypeTable.contains(apiName(*RD)))
    return nullptr;
  const CXXRecordDecl *Members = classWithMembers(RD);
  if (Members &&
      (Members->hasAttr<CoroReturnTypeAttr>() ||
       hasMember(*Members, "promise_type") || hasAwaiterShape(*Members)))
    return nullptr;
  return isTaskType(T) ? Infer.future(*RD) : nullptr;
}

bool AsyncModel::isSelfObservedResult(const CallExpr &Call) const {
  if (SelfObservedResults.find(Call))
    return true;
  // Only what the tables leave to inference: a future of a library the
  // inference recognised, not a task type a table describes.
  const CXXRecordDecl *Object = objectClass(Call);
  const CXXRecordDecl *Result = recordOf(Call.getType());
  for (const CXXRecordDecl *RD : {Object, Result})
    if (RD && RD->getIdentifier() && TaskTypeTable.contains(apiName(*RD)))
      return false;
  return Infer.isDroppableFuture(Call);
}

bool AsyncModel::isOutcomeType(QualType T) const {
  const CXXRecordDecl *RD = recordOf(T);
  return RD && RD->getIdentifier() &&
         (OutcomeTypes.contains(apiName(*RD)) || isTaskType(T));
}

QualType AsyncModel::wrappedTask(QualType T) const {
  const auto *Wrapper =
      dyn_cast_or_null<ClassTemplateSpecializationDecl>(recordOf(T));
  if (!Wrapper || !Wrapper->getIdentifier() ||
      !TaskWrappers.contains(apiName(*Wrapper)))
    return QualType();
  const TemplateArgumentList &Args = Wrapper->getTemplateArgs();
  if (Args.size() == 0 || Args[0].getKind() != TemplateArgument::Type ||
      !isTaskType(Args[0].getAsType()))
    return QualType();
  return Args[0].getAsType();
}

bool AsyncModel::isErrorType(QualType T) const {
  const CXXRecordDecl *RD = recordOf(T);
  if (!RD || !RD->getIdentifier())
    return false;
  if (ErrorTypes.contains(apiName(*RD)))
    return true;
  const CXXRecordDecl *Def = RD->getDefinition();
  return Def && !Def->hasAnyDependentBases() &&
         !Def->forallBases([&](const CXXRecordDecl *Base) {
           return !Base->getIdentifier() ||
                  !ErrorTypes.contains(apiName(*Base));
         });
}

bool AsyncModel::isAwaitableType(QualType T) const {
  std::optional<TaskTraits> Traits = taskTraits(T);
  return Traits && Traits->Awaitable;
}

} // namespace clang::tidy::async::model

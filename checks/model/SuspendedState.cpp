//===--- SuspendedState.cpp -----------------------------------------------===//

#include "SuspendedState.h"
#include "ApiNames.h"
#include "AstHelpers.h"
#include "CoroutineLocks.h"
#include "Offload.h"
#include "StmtWalk.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/StringSet.h"

namespace clang::tidy::async::model {

namespace {
/// The tables of SuspendedState.def. They take no options, so one copy
/// serves every model.
struct SuspendedStateTables {
  llvm::SmallVector<llvm::StringRef, 16> ReshapingMembers;
  llvm::SmallVector<llvm::StringRef, 1> IteratorMembers;
  llvm::StringSet<> ThreadIdCalls, ThreadSwitchCalls;
  llvm::StringSet<> PoolSwitchMembers, PoolWords;

  SuspendedStateTables() {
#define ASYNC_RESHAPING_MEMBER(Name) ReshapingMembers.push_back(Name);
#define ASYNC_ITERATOR_MEMBER(Name) IteratorMembers.push_back(Name);
#define ASYNC_THREAD_ID_CALL(Name) ThreadIdCalls.insert(Name);
#define ASYNC_THREAD_SWITCH_CALL(Name) ThreadSwitchCalls.insert(Name);
#define ASYNC_POOL_SWITCH_MEMBER(Name) PoolSwitchMembers.insert(Name);
#define ASYNC_POOL_WORD(Word) PoolWords.insert(Word);
#include "SuspendedState.def"
  }
};
} // namespace

static const SuspendedStateTables &tables() {
  static const SuspendedStateTables Tables;
  return Tables;
}

/// Whether \p RD or one of its bases declares \p Name.
static bool hasInheritedMember(const CXXRecordDecl &RD, llvm::StringRef Name) {
  if (hasMember(RD, Name))
    return true;
  for (const CXXBaseSpecifier &Base : RD.bases())
    if (const CXXRecordDecl *B =
            classWithMembers(Base.getType()->getAsCXXRecordDecl()))
      if (hasInheritedMember(*B, Name))
        return true;
  return false;
}

static const CXXRecordDecl *classOf(QualType T) {
  T = T.getNonReferenceType();
  return T.isNull() ? nullptr : classWithMembers(T->getAsCXXRecordDecl());
}

static bool isIteratorType(QualType T) {
  const CXXRecordDecl *RD = classOf(T);
  return RD && llvm::any_of(tables().IteratorMembers, [&](llvm::StringRef M) {
           return hasInheritedMember(*RD, M);
         });
}

bool isBindingType(QualType T, const AsyncModel &Model) {
  return Model.isReferenceLike(T) || isIteratorType(T);
}

/// A container whose elements other code can move or remove: begin(),
/// end() and a member that adds or removes elements. Views have the first
/// two only; an iterator or a view is never one.
static bool isReshapingContainer(QualType T, const AsyncModel &Model) {
  const CXXRecordDecl *RD = classOf(T);
  if (!RD || Model.isReferenceLike(T.getNonReferenceType()) ||
      !hasInheritedMember(*RD, "begin") || !hasInheritedMember(*RD, "end"))
    return false;
  return llvm::any_of(tables().ReshapingMembers, [&](llvm::StringRef M) {
    return hasInheritedMember(*RD, M);
  });
}

namespace {
/// What an expression refers to.
struct Place {
  const ValueDecl *Decl = nullptr; // the last name on the way there
  bool Shared = false;             // other code can reach it
  bool Const = false;              // declared const on the way there
  bool Element = false;            // inside a reshaping container's storage
  bool BehindPointer = false;
  const ValueDecl *Container = nullptr; // the container, once Element
  bool ContainerBehindPointer = false;
};

/// Follows an initializer to the storage it refers to. Local bindings are
/// followed to their own initializers; the depth bound stops cycles.
class PlaceFinder {
public:
  PlaceFinder(const AsyncModel &Model, const CXXRecordDecl *Closure,
              llvm::function_ref<bool(QualType)> IsStable)
      : Model(Model), Closure(Closure), IsStable(IsStable) {}

  /// The object the glvalue \p E designates.
  std::optional<Place> object(const Expr *E, unsigned Depth);
  /// What the pointer, iterator or view value \p E points at.
  std::optional<Place> target(const Expr *E, unsigned Depth);

private:
  std::optional<Place> variable(const DeclRefExpr &Ref, unsigned Depth,
                                bool Pointee);
  /// The element of the container \p ContainerExpr, when it reshapes.
  std::optional<Place> elementOf(const Expr *ContainerExpr, bool Arrow,
                                 unsigned Depth);
  std::optional<Place> callResult(const CallExpr &Call, unsigned Depth);

  const AsyncModel &Model;
  const CXXRecordDecl *Closure; // of a lambda coroutine, else null
  llvm::function_ref<bool(QualType)> IsStable;
};
} // namespace

static constexpr unsigned MaxDepth = 8;

/// Whether \p Var is captured by reference into \p Closure (a by-copy
/// capture lives in the closure, like a by-value parameter).
static bool isCapturedByReference(const ValueDecl *Var,
                                  const CXXRecordDecl *Closure) {
  if (!Closure || !Closure->isLambda())
    return true;
  llvm::DenseMap<const ValueDecl *, FieldDecl *> Fields;
  FieldDecl *This = nullptr;
  Closure->getCaptureFields(Fields, This);
  const FieldDecl *Field = Fields.lookup(Var);
  return !Field || Field->getType()->isReferenceType();
}

/// A parameter whose type is a template parameter in the function's
/// pattern ('RANGE &range', 'FIRST first'): a generic algorithm's input,
/// which its caller keeps unchanged as for any algorithm.
static bool isGenericParameter(const ParmVarDecl &Param) {
  const auto *Function = dyn_cast<FunctionDecl>(Param.getDeclContext());
  const FunctionDecl *Pattern =
      Function ? Function->getTemplateInstantiationPattern() : nullptr;
  unsigned Index = Param.getFunctionScopeIndex();
  if (!Pattern || Index >= Pattern->getNumParams())
    return Param.getType()->isDependentType();
  return Pattern->getParamDecl(Index)->getType()->isDependentType();
}

std::optional<Place> PlaceFinder::variable(const DeclRefExpr &Ref,
                                           unsigned Depth, bool Pointee) {
  const auto *Var = dyn_cast<VarDecl>(Ref.getDecl());
  if (!Var)
    return std::nullopt;
  QualType T = Var->getType();
  Place P;
  P.Decl = Var;
  P.BehindPointer = Pointee;
  if (Ref.refersToEnclosingVariableOrCapture()) {
    P.Shared = Pointee || isCapturedByReference(Var, Closure);
    P.Const = !Pointee && T.getNonReferenceType().isConstQualified();
    return P;
  }
  if (Var->hasGlobalStorage()) {
    P.Shared = true;
    P.Const = !Pointee && T.isConstQualified();
    return P;
  }
  if (const auto *Param = dyn_cast<ParmVarDecl>(Var)) {
    P.Shared = Pointee || (T->isReferenceType() && !isGenericParameter(*Param));
    P.Const = !Pointee && T.getNonReferenceType().isConstQualified();
    return P;
  }
  // A local binding: what its initializer refers to.
  if (const Expr *Init = Var->getInit();
      Init && (T->isReferenceType() || isBindingType(T, Model))) {
    if (T->isReferenceType() && !Pointee)
      return object(Init, Depth + 1);
    return target(Init, Depth + 1);
  }
  // The coroutine's own object, or what a local pointer of unknown origin
  // points at.
  P.Shared = Pointee;
  P.Const = T.isConstQualified();
  return P;
}

std::optional<Place> PlaceFinder::elementOf(const Expr *ContainerExpr,
                                            bool Arrow, unsigned Depth) {
  std::optional<Place> C = Arrow ? target(ContainerExpr, Depth + 1)
                                 : object(ContainerExpr, Depth + 1);
  if (!C)
    return std::nullopt;
  QualType T = ContainerExpr->getType();
  if (Arrow && T->isPointerType())
    T = T->getPointeeType();
  if (!isReshapingContainer(T, Model) || IsStable(T.getNonReferenceType()))
    return C;
  if (!C->Element) {
    C->Element = true;
    C->Container = C->Decl;
    C->ContainerBehindPointer = C->BehindPointer;
  }
  return C;
}

std::optional<Place> PlaceFinder::callResult(const CallExpr &Call,
                                             unsigned Depth) {
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call)) {
    const Expr *Object = Member->getImplicitObjectArgument();
    const auto *Callee =
        dyn_cast<MemberExpr>(Member->getCallee()->IgnoreParens());
    bool Arrow = Callee && Callee->isArrow();
    if (!Object)
      return std::nullopt;
    return elementOf(Object, Arrow, Depth);
  }
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(&Call)) {
    if (Op->getNumArgs() == 1 &&
        (Op->getOperator() == OO_Star || Op->getOperator() == OO_Arrow))
      return target(Op->getArg(0), Depth + 1);
    if (Op->getNumArgs() == 2 && Op->getOperator() == OO_Subscript)
      return elementOf(Op->getArg(0), false, Depth);
    if (Op->getNumArgs() == 2 &&
        (Op->getOperator() == OO_Plus || Op->getOperator() == OO_Minus))
      return target(Op->getArg(0), Depth + 1);
    return std::nullopt;
  }
  // std::begin(c), std::next(it), std::find(first, last, v), std::get<I>(t).
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee || !Callee->isInStdNamespace() || Call.getNumArgs() == 0)
    return std::nullopt;
  const Expr *First = Call.getArg(0);
  if (isIteratorType(First->getType()) || First->getType()->isPointerType())
    return target(First, Depth + 1);
  if (First->isGLValue())
    return elementOf(First, false, Depth);
  return std::nullopt;
}

std::optional<Place> PlaceFinder::object(const Expr *E, unsigned Depth) {
  if (!E || Depth > MaxDepth)
    return std::nullopt;
  E = E->IgnoreParenImpCasts();
  if (const auto *Cleanups = dyn_cast<ExprWithCleanups>(E))
    return object(Cleanups->getSubExpr(), Depth + 1);
  if (isa<MaterializeTemporaryExpr>(E))
    return std::nullopt; // a temporary: the binding's own
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
    return variable(*Ref, Depth, /*Pointee=*/false);
  if (const auto *Member = dyn_cast<MemberExpr>(E)) {
    const auto *Field = dyn_cast<FieldDecl>(Member->getMemberDecl());
    if (!Field) {
      // A static data member.
      if (const auto *Static = dyn_cast<VarDecl>(Member->getMemberDecl())) {
        Place P;
        P.Decl = Static;
        P.Shared = true;
        P.Const = Static->getType().isConstQualified();
        return P;
      }
      return std::nullopt;
    }
    std::optional<Place> Base;
    if (isa<CXXThisExpr>(Member->getBase()->IgnoreParenImpCasts())) {
      Base = Place();
      Base->Shared = true;
    } else {
      Base = Member->isArrow() ? target(Member->getBase(), Depth + 1)
                               : object(Member->getBase(), Depth + 1);
    }
    if (!Base)
      return std::nullopt;
    if (!Base->Element) {
      Base->Decl = Field;
      Base->BehindPointer = false;
    }
    // A reference member refers to an object elsewhere.
    Base->Shared |= Field->getType()->isReferenceType();
    Base->Const |= Field->getType().getNonReferenceType().isConstQualified();
    return Base;
  }
  if (const auto *Unary = dyn_cast<UnaryOperator>(E))
    return Unary->getOpcode() == UO_Deref
               ? target(Unary->getSubExpr(), Depth + 1)
               : std::nullopt;
  if (const auto *Subscript = dyn_cast<ArraySubscriptExpr>(E))
    return Subscript->getBase()->getType()->isPointerType()
               ? target(Subscript->getBase(), Depth + 1)
               : object(Subscript->getBase(), Depth + 1);
  if (const auto *Call = dyn_cast<CallExpr>(E); Call && Call->isGLValue())
    return callResult(*Call, Depth);
  return std::nullopt;
}

std::optional<Place> PlaceFinder::target(const Expr *E, unsigned Depth) {
  if (!E || Depth > MaxDepth)
    return std::nullopt;
  E = E->IgnoreParenImpCasts();
  if (const auto *Cleanups = dyn_cast<ExprWithCleanups>(E))
    return target(Cleanups->getSubExpr(), Depth + 1);
  if (const auto *Temp = dyn_cast<MaterializeTemporaryExpr>(E))
    return target(Temp->getSubExpr(), Depth + 1);
  if (const auto *Bind = dyn_cast<CXXBindTemporaryExpr>(E))
    return target(Bind->getSubExpr(), Depth + 1);
  if (const auto *Cast = dyn_cast<CXXFunctionalCastExpr>(E))
    return target(Cast->getSubExpr(), Depth + 1);
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E)) {
    if (Construct->getNumArgs() == 0)
      return std::nullopt;
    const Expr *Arg = Construct->getArg(0);
    // A copy of an iterator or view, a view over a container
    // ('std::span(items_)'), or one over a pointer and a length.
    if (Construct->getConstructor()->isCopyOrMoveConstructor() ||
        Arg->getType()->isPointerType() || isIteratorType(Arg->getType()))
      return target(Arg, Depth + 1);
    return Arg->isGLValue() ? elementOf(Arg, false, Depth) : std::nullopt;
  }
  if (isa<CXXThisExpr>(E)) {
    Place P;
    P.Shared = true;
    return P;
  }
  if (const auto *Unary = dyn_cast<UnaryOperator>(E))
    return Unary->getOpcode() == UO_AddrOf
               ? object(Unary->getSubExpr(), Depth + 1)
               : std::nullopt;
  if (const auto *Binary = dyn_cast<BinaryOperator>(E))
    return Binary->isAdditiveOp() ? target(Binary->getLHS(), Depth + 1)
                                  : std::nullopt;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
    const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
    // A local binding: what its initializer points at.
    if (Var && Var->hasLocalStorage() && !isa<ParmVarDecl>(Var) &&
        !Ref->refersToEnclosingVariableOrCapture() && Var->getInit() &&
        isBindingType(Var->getType(), Model))
      return Var->getType()->isReferenceType()
                 ? object(Var->getInit(), Depth + 1)
                 : target(Var->getInit(), Depth + 1);
    return variable(*Ref, Depth, /*Pointee=*/true);
  }
  if (const auto *Member = dyn_cast<MemberExpr>(E)) {
    // A pointer or iterator stored in a member: what it points at is
    // shared, but not known to be a container's element.
    Place P;
    P.Decl = Member->getMemberDecl();
    P.Shared = true;
    P.BehindPointer = true;
    return P;
  }
  if (const auto *Call = dyn_cast<CallExpr>(E))
    return callResult(*Call, Depth);
  return std::nullopt;
}

std::optional<SharedContainer>
sharedContainerOf(const VarDecl &Var, const FunctionDecl &Coroutine,
                  const AsyncModel &Model,
                  llvm::function_ref<bool(QualType)> IsStable) {
  const Expr *Init = Var.getInit();
  if (!Init || !Var.hasLocalStorage() || !isBindingType(Var.getType(), Model))
    return std::nullopt;
  const auto *Method = dyn_cast<CXXMethodDecl>(&Coroutine);
  PlaceFinder Finder(Model, Method ? Method->getParent() : nullptr, IsStable);
  std::optional<Place> P = Var.getType()->isReferenceType()
                               ? Finder.object(Init, 0)
                               : Finder.target(Init, 0);
  if (!P || !P->Element || !P->Shared || P->Const || !P->Container)
    return std::nullopt;
  return SharedContainer{P->Container, P->ContainerBehindPointer};
}

const NamedDecl *threadAffineSource(const VarDecl &Var) {
  const Expr *Init = Var.getInit();
  if (!Init || !Var.hasLocalStorage())
    return nullptr;
  const NamedDecl *Source = nullptr;
  walkStatements(*Init, [&](const Stmt &S, const Stmt *) {
    if (isa<LambdaExpr>(S))
      return WalkAction::Skip;
    if (const auto *Ref = dyn_cast<DeclRefExpr>(&S)) {
      const auto *Read = dyn_cast<VarDecl>(Ref->getDecl());
      if (Read && Read->getTLSKind() != VarDecl::TLS_None)
        Source = Read;
    } else if (const auto *Call = dyn_cast<CallExpr>(&S)) {
      if (Call->getDirectCallee() &&
          isCallNamedIn(*Call, tables().ThreadIdCalls))
        Source = Call->getDirectCallee();
    }
    return Source ? WalkAction::Stop : WalkAction::Descend;
  });
  return Source;
}

/// 'co_await pool.schedule()' on a class no table names: a switch member
/// that returns an awaitable, on a class whose name says pool.
static bool isPoolSwitch(const CallExpr &Call, const AsyncModel &Model) {
  const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call);
  const CXXMethodDecl *Method = Member ? Member->getMethodDecl() : nullptr;
  if (!Method || !Method->getIdentifier() ||
      !tables().PoolSwitchMembers.contains(Method->getName()) ||
      !Model.isAwaitableType(Call.getType()))
    return false;
  const CXXRecordDecl *Class = objectClass(Call);
  return Class && Class->getIdentifier() &&
         llvm::any_of(identifierWords(Class->getName()),
                      [](const std::string &Word) {
                        return tables().PoolWords.contains(Word);
                      });
}

bool switchesThread(const Stmt &Suspension, const AsyncModel &Model) {
  if (const CallExpr *Call = awaitedCall(Suspension);
      Call && Call->getDirectCallee() &&
      (isCallNamedIn(*Call, tables().ThreadSwitchCalls) ||
       isPoolSwitch(*Call, Model)))
    return true;
  return switchesOffEventLoop(Suspension, Model);
}

} // namespace clang::tidy::async::model

//===--- Exceptions.cpp ---------------------------------------------------===//

#include "Exceptions.h"
#include "ApiNames.h"
#include "AstHelpers.h"
#include "StmtWalk.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ExprConcepts.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/StringSet.h"

namespace clang::tidy::async::model {

bool isNothrowFunction(const FunctionDecl &FD) {
  // C functions throw no C++ exceptions (printf, memcpy, a C library's API).
  if (FD.getBuiltinID() || FD.isExternC())
    return true;
  const auto *Proto = FD.getType()->getAs<FunctionProtoType>();
  if (!Proto)
    return false;
  if (isUnresolvedExceptionSpec(Proto->getExceptionSpecType()))
    return FD.isImplicit() || FD.isDefaulted();
  return Proto->isNothrow();
}

/// Whether a call (or construction) that is not a throw expression can
/// throw, judged by its callee's declaration.
static bool mayThrow(const Stmt &S) {
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(&S)) {
    const CXXConstructorDecl *Ctor = Construct->getConstructor();
    return Ctor && !Ctor->isTrivial() && !isNothrowFunction(*Ctor);
  }
  const auto *Call = dyn_cast<CallExpr>(&S);
  if (!Call || Call->getBuiltinCallee() || isa<CUDAKernelCallExpr>(Call))
    return false;
  if (const auto *Callee =
          dyn_cast_or_null<FunctionDecl>(Call->getCalleeDecl()))
    return !isNothrowFunction(*Callee);
  QualType CalleeType = Call->getCallee()->getType();
  if (const auto *Pointer = CalleeType->getAs<PointerType>())
    CalleeType = Pointer->getPointeeType();
  if (CalleeType->isDependentType())
    return false;
  const auto *Proto = CalleeType->getAs<FunctionProtoType>();
  return !Proto || !Proto->isNothrow();
}

/// Whether \p Handler catches an exception of type \p Thrown.
static bool handles(const CXXCatchStmt &Handler, QualType Thrown) {
  if (!Handler.getExceptionDecl())
    return true; // catch (...)
  QualType Caught = Handler.getCaughtType().getNonReferenceType();
  if (Caught->isDependentType() || Thrown->isDependentType())
    return true;
  if (const auto *Pointer = Caught->getAs<PointerType>()) {
    const auto *ThrownPointer = Thrown->getAs<PointerType>();
    if (!ThrownPointer)
      return false;
    Caught = Pointer->getPointeeType();
    Thrown = ThrownPointer->getPointeeType();
  }
  Caught = Caught.getCanonicalType().getUnqualifiedType();
  Thrown = Thrown.getCanonicalType().getUnqualifiedType();
  if (Caught == Thrown)
    return true;
  const auto *CaughtClass = Caught->getAsCXXRecordDecl();
  const auto *ThrownClass = Thrown->getAsCXXRecordDecl();
  return CaughtClass && ThrownClass && ThrownClass->hasDefinition() &&
         ThrownClass->isDerivedFrom(CaughtClass);
}

static bool isUnevaluated(const Stmt &S) {
  if (isa<UnaryExprOrTypeTraitExpr, CXXNoexceptExpr, RequiresExpr>(S))
    return true;
  const auto *Typeid = dyn_cast<CXXTypeidExpr>(&S);
  return Typeid && !Typeid->isPotentiallyEvaluated();
}

const Stmt *escapingStatement(const Stmt &Body) {
  // The try statements whose try block the walk is in.
  llvm::SmallVector<const CXXTryStmt *, 4> Trys;
  // How many handlers the walk is in: a handler lets out what it throws or
  // rethrows; the calls it makes to report the error (logging) are not
  // counted.
  unsigned InHandler = 0;
  const Stmt *Escaping = nullptr;
  const Stmt *FirstCall = nullptr;
  auto Caught = [&](const CXXThrowExpr &Throw) {
    const Expr *Thrown = Throw.getSubExpr();
    return llvm::any_of(Trys, [&](const CXXTryStmt *Try) {
      for (unsigned I = 0; I < Try->getNumHandlers(); ++I)
        if (!Thrown || handles(*Try->getHandler(I), Thrown->getType()))
          return true;
      return false;
    });
  };
  auto Enter = [&](const Stmt &S, const Stmt *Parent) {
    if (Parent && (isa<LambdaExpr>(S) || isUnevaluated(S)))
      return WalkAction::Skip;
    if (const auto *Try = dyn_cast_or_null<CXXTryStmt>(Parent);
        Try && Try->getTryBlock() == &S && Try->getNumHandlers() > 0)
      Trys.push_back(Try);
    if (isa<CXXCatchStmt>(S))
      ++InHandler;
    if (const auto *Throw = dyn_cast<CXXThrowExpr>(&S)) {
      if (Caught(*Throw))
        return WalkAction::Skip;
      Escaping = &S;
      return WalkAction::Stop;
    }
    if (!Trys.empty() || InHandler > 0)
      return WalkAction::Descend;
    // An awaited operation rethrows its error from await_resume.
    if (const auto *Await = dyn_cast<CoroutineSuspendExpr>(&S)) {
      const Expr *Resume = Await->getResumeExpr();
      if (Resume && mayThrow(*Resume->IgnoreImplicit())) {
        Escaping = &S;
        return WalkAction::Stop;
      }
    }
    // A call that may throw: kept, but a throw or an awaited operation
    // further on makes the better note.
    if (!FirstCall && mayThrow(S))
      FirstCall = &S;
    return WalkAction::Descend;
  };
  auto Leave = [&](const Stmt &S) {
    if (!Trys.empty() && Trys.back()->getTryBlock() == &S)
      Trys.pop_back();
    if (isa<CXXCatchStmt>(S))
      --InHandler;
  };
  // What the user wrote: the operand of a co_await or co_return, not the
  // awaiter's or promise's calls the compiler adds (await_resume is judged
  // on the co_await itself).
  auto Children = [](const Stmt &S, llvm::SmallVectorImpl<const Stmt *> &Out) {
    if (const auto *Await = dyn_cast<CoroutineSuspendExpr>(&S)) {
      if (const Expr *Operand = Await->getOperand())
        Out.push_back(Operand);
      return;
    }
    if (const auto *Return = dyn_cast<CoreturnStmt>(&S)) {
      if (const Expr *Operand = Return->getOperand())
        Out.push_back(Operand);
      return;
    }
    childrenOf(S, Out);
  };
  walkStatements(Body, Enter, Leave, Children);
  return Escaping ? Escaping : FirstCall;
}

static DetachedWork workOf(const FunctionDecl &FD) {
  DetachedWork Work;
  Work.Function = &FD;
  const FunctionDecl *Definition = nullptr;
  if (!FD.hasBody(Definition) || !Definition->getBody())
    return Work;
  Work.Body = Definition->getBody();
  if (const auto *Coroutine = dyn_cast<CoroutineBodyStmt>(Work.Body)) {
    Work.Body = Coroutine->getBody();
    Work.IsCoroutine = true;
  }
  return Work;
}

std::optional<DetachedWork> detachedWork(const Expr &E) {
  if (const LambdaExpr *Lambda = lambdaArgument(&E))
    return workOf(*Lambda->getCallOperator());
  const Expr *Inner = E.IgnoreImplicit()->IgnoreParens();
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(Inner);
      Construct && Construct->getNumArgs() == 1)
    Inner = Construct->getArg(0)->IgnoreImplicit()->IgnoreParens();
  if (const auto *Call = dyn_cast<CallExpr>(Inner))
    if (const FunctionDecl *Callee = Call->getDirectCallee())
      return workOf(*Callee);
  if (const auto *Address = dyn_cast<UnaryOperator>(Inner);
      Address && Address->getOpcode() == UO_AddrOf)
    Inner = Address->getSubExpr()->IgnoreParens();
  if (const auto *Ref = dyn_cast<DeclRefExpr>(Inner))
    if (const auto *Function = dyn_cast<FunctionDecl>(Ref->getDecl()))
      return workOf(*Function);
  return std::nullopt;
}

std::optional<DetachedWork> forwardedCoroutine(const DetachedWork &Work) {
  const auto *Body = dyn_cast_or_null<CompoundStmt>(Work.Body);
  if (Work.IsCoroutine || !Body || Body->size() != 1)
    return std::nullopt;
  const auto *Return = dyn_cast<ReturnStmt>(Body->body_front());
  if (!Return || !Return->getRetValue())
    return std::nullopt;
  std::optional<DetachedWork> Called = detachedWork(*Return->getRetValue());
  if (!Called || !Called->IsCoroutine)
    return std::nullopt;
  return Called;
}

bool isVoidCallable(const CXXRecordDecl &Class) {
  const CXXRecordDecl *Definition = Class.getDefinition();
  if (!Definition || Definition->isLambda())
    return false;
  DeclarationName Call =
      Class.getASTContext().DeclarationNames.getCXXOperatorName(OO_Call);
  auto Operators = Definition->lookup(Call);
  return !Operators.empty() && llvm::all_of(Operators, [](const NamedDecl *D) {
    const auto *Function = D->getAsFunction();
    return Function && Function->getReturnType()->isVoidType();
  });
}

bool isStackfulSpawn(const CallExpr &Call) {
  static const llvm::StringSet<> Names = {
#define ASYNC_STACKFUL_SPAWN(Name) Name,
#include "Errors.def"
  };
  return isCallNamedIn(Call, Names);
}

bool isDeclaredName(llvm::StringRef Name, ASTContext &Ctx) {
  const DeclContext *Scope = Ctx.getTranslationUnitDecl();
  llvm::SmallVector<llvm::StringRef, 4> Parts;
  Name.split(Parts, "::");
  for (llvm::StringRef Part : Parts) {
    if (!Scope)
      return false;
    auto Found = Scope->lookup(&Ctx.Idents.get(Part));
    if (Found.empty())
      return false;
    Scope = dyn_cast<DeclContext>(Found.front());
  }
  return true;
}

} // namespace clang::tidy::async::model

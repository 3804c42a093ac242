//===--- NonBlockingIo.cpp ------------------------------------------------===//

#include "NonBlockingIo.h"
#include "AstHelpers.h"
#include "StmtWalk.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"

namespace clang::tidy::async::model {

namespace {
struct ArgPos {
  int Fd, Flags;
};
struct WakeUpWrite {
  int Fd, Buf, Size;
};
struct Creator {
  int Flags, Out;
  bool WakeUp;
};
struct Tables {
  llvm::StringSet<> Flags, WouldBlock, Members, ReadinessWaits, EnumWords;
  llvm::SmallVector<std::pair<llvm::StringRef, llvm::StringRef>, 4> ModeEnums;
  llvm::StringMap<ArgPos> Calls, Setters;
  llvm::StringMap<WakeUpWrite> WakeUpWrites;
  llvm::StringMap<Creator> Creators;

  Tables() {
#define ASYNC_NONBLOCKING_FLAG(Name) Flags.insert(Name);
#define ASYNC_WOULD_BLOCK_ERROR(Name) WouldBlock.insert(Name);
#define ASYNC_DESCRIPTOR_CALL(Name, FdArg, FlagsArg)                           \
  Calls[Name] = {FdArg, FlagsArg};
#define ASYNC_WAKEUP_WRITE(Name, FdArg, BufArg, SizeArg)                       \
  WakeUpWrites[Name] = {FdArg, BufArg, SizeArg};
#define ASYNC_DESCRIPTOR_CREATOR(Name, FlagsArg, OutArg, IsWakeUp)             \
  Creators[Name] = {FlagsArg, OutArg, IsWakeUp};
#define ASYNC_NONBLOCKING_SETTER(Name, FdArg, FlagsArg)                        \
  Setters[Name] = {FdArg, FlagsArg};
#define ASYNC_NONBLOCKING_MEMBER(Name) Members.insert(Name);
#define ASYNC_READINESS_WAIT(Name) ReadinessWaits.insert(Name);
#define ASYNC_NONBLOCKING_ENUMERATOR(Word) EnumWords.insert(Word);
#define ASYNC_BLOCKING_MODE_ENUM(Word, Off) ModeEnums.push_back({Word, Off});
#include "NonBlocking.def"
  }
};
} // namespace

static const Tables &tables() {
  static const Tables T;
  return T;
}

/// A function of the C library ('::read'), not a method or user function.
static const FunctionDecl *cFunction(const CallExpr &Call) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee || isa<CXXMethodDecl>(Callee) || !Callee->getIdentifier() ||
      !(Callee->isExternC() || Callee->isInExternCContext()))
    return nullptr;
  return Callee;
}

static const Expr *argAt(const CallExpr &Call, int Index) {
  return Index >= 0 && unsigned(Index) < Call.getNumArgs() ? Call.getArg(Index)
                                                           : nullptr;
}

/// Whether a macro expanded at \p Loc, or one it expands, is named in
/// \p Names (EWOULDBLOCK expands to EAGAIN).
static bool expandsMacro(SourceLocation Loc, const ASTContext &Ctx,
                         const llvm::StringSet<> &Names) {
  const SourceManager &SM = Ctx.getSourceManager();
  for (; Loc.isMacroID(); Loc = SM.getImmediateMacroCallerLoc(Loc))
    if (Names.contains(
            Lexer::getImmediateMacroName(Loc, SM, Ctx.getLangOpts())))
      return true;
  return false;
}

static std::string normalized(llvm::StringRef Name) {
  std::string Out;
  for (char C : Name)
    if (C != '_')
      Out.push_back(llvm::toLower(C));
  return Out;
}

/// An enumerator that says non-blocking mode: 'io_mode::non_blocking',
/// 'blocking_t::no'.
static bool isNonBlockingEnumerator(const EnumConstantDecl &E) {
  const Tables &T = tables();
  std::string Name = normalized(E.getName());
  for (const auto &Word : T.EnumWords)
    if (llvm::StringRef(Name).contains(Word.getKey()))
      return true;
  const auto *Enum = dyn_cast<EnumDecl>(E.getDeclContext());
  std::string EnumName = Enum ? normalized(Enum->getName()) : std::string();
  for (const auto &[Word, Off] : T.ModeEnums)
    if (llvm::StringRef(EnumName).contains(Word) && Name == Off)
      return true;
  return false;
}

/// Whether \p E names one of \p Names (a flag macro or enumerator), or,
/// with \p Enumerators, a non-blocking enumerator.
static bool mentions(const Expr *E, const llvm::StringSet<> &Names,
                     const ASTContext &Ctx, bool Enumerators = false) {
  if (!E)
    return false;
  return !walkStatements(*E, [&](const Stmt &S, const Stmt *) {
    if (isa<LambdaExpr>(S))
      return WalkAction::Skip;
    if (!isa<IntegerLiteral, DeclRefExpr>(S))
      return WalkAction::Descend;
    if (const auto *Ref = dyn_cast<DeclRefExpr>(&S))
      if (const auto *Enumerator = dyn_cast<EnumConstantDecl>(Ref->getDecl()))
        if (Names.contains(Enumerator->getName()) ||
            (Enumerators && isNonBlockingEnumerator(*Enumerator)))
          return WalkAction::Stop;
    return expandsMacro(S.getBeginLoc(), Ctx, Names) ? WalkAction::Stop
                                                     : WalkAction::Descend;
  });
}

/// The variable or member that holds the descriptor \p E names; an element
/// of a descriptor array (pipe(fds), then fds[1]) stands for the array.
static const ValueDecl *descriptorDecl(const Expr *E) {
  if (!E)
    return nullptr;
  E = E->IgnoreParenImpCasts();
  if (const auto *Element = dyn_cast<ArraySubscriptExpr>(E))
    E = Element->getBase();
  else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E);
           Op && Op->getOperator() == OO_Subscript && Op->getNumArgs() == 2)
    E = Op->getArg(0);
  return referencedDecl(E);
}

namespace {
/// Gathers what a function's or class's code does to descriptors.
class FactsCollector {
public:
  FactsCollector(NonBlockingIo::Facts &F, const AsyncModel &Model,
                 const ASTContext &Ctx)
      : F(F), Model(Model), Ctx(Ctx), T(tables()) {}

  /// What \p Init, stored into \p Target, says about it.
  void stored(const Expr *Init, const ValueDecl *Target) {
    if (!Init || !Target)
      return;
    if (mentions(Init, T.Flags, Ctx, /*Enumerators=*/true))
      F.Spelled.insert(Target);
    const auto *Call = dyn_cast<CallExpr>(Init->IgnoreParenImpCasts());
    const FunctionDecl *Callee = Call ? cFunction(*Call) : nullptr;
    auto It = Callee ? T.Creators.find(Callee->getName()) : T.Creators.end();
    if (It == T.Creators.end() || It->second.Out >= 0)
      return;
    madeBy(*Call, It->second, Target);
  }

  void scan(const Stmt &Body) {
    walkStatements(Body, [&](const Stmt &S, const Stmt *) {
      if (isa<LambdaExpr>(S))
        return WalkAction::Skip;
      visit(S);
      return WalkAction::Descend;
    });
  }

private:
  void madeBy(const CallExpr &Call, const Creator &C, const ValueDecl *Fd) {
    if (!Fd)
      return;
    if (mentions(argAt(Call, C.Flags), T.Flags, Ctx))
      F.NonBlocking.insert(Fd);
    if (C.WakeUp)
      F.WakeUp.insert(Fd);
  }

  void visit(const Stmt &S) {
    if (const auto *Decls = dyn_cast<DeclStmt>(&S)) {
      for (const Decl *D : Decls->decls())
        if (const auto *Var = dyn_cast<VarDecl>(D))
          stored(Var->getInit(), Var);
    } else if (const auto *Op = dyn_cast<BinaryOperator>(&S)) {
      if (Op->getOpcode() == BO_Assign)
        stored(Op->getRHS(), referencedDecl(Op->getLHS()));
      else if (Op->isEqualityOp() && mentions(Op, T.WouldBlock, Ctx))
        F.TestsWouldBlock = true;
    } else if (const auto *Case = dyn_cast<CaseStmt>(&S)) {
      if (mentions(Case->getLHS(), T.WouldBlock, Ctx))
        F.TestsWouldBlock = true;
    } else if (const auto *Call = dyn_cast<CallExpr>(&S)) {
      visitCall(*Call);
    }
  }

  void visitCall(const CallExpr &Call) {
    if (const FunctionDecl *Callee = cFunction(Call)) {
      llvm::StringRef Name = Callee->getName();
      auto Made = T.Creators.find(Name);
      if (Made != T.Creators.end() && Made->second.Out >= 0)
        madeBy(Call, Made->second,
               referencedDecl(argAt(Call, Made->second.Out)));
      auto Set = T.Setters.find(Name);
      if (Set != T.Setters.end() &&
          mentions(argAt(Call, Set->second.Flags), T.Flags, Ctx))
        if (const ValueDecl *Fd = descriptorDecl(argAt(Call, Set->second.Fd)))
          F.NonBlocking.insert(Fd);
      return;
    }
    const FunctionDecl *Callee = Call.getDirectCallee();
    if (!Callee || !Callee->getIdentifier())
      return;
    llvm::StringRef Name = Callee->getName();
    if (T.ReadinessWaits.contains(Name) &&
        Model.isAwaitableType(Call.getType())) {
      if (const ValueDecl *Object = referencedDecl(callObject(Call)))
        F.Ready.insert(Object);
      for (const Expr *Arg : Call.arguments())
        if (const ValueDecl *Fd = referencedDecl(Arg))
          F.Ready.insert(Fd);
      return;
    }
    const ValueDecl *Object = referencedDecl(callObject(Call));
    if (!Object)
      return;
    if (T.Members.contains(Name)) {
      const Expr *On = argAt(Call, 0);
      bool True = false;
      if (On && On->EvaluateAsBooleanCondition(True, Ctx) && True)
        F.NonBlocking.insert(Object);
      return;
    }
    for (const Expr *Arg : Call.arguments())
      if (mentions(Arg, T.Flags, Ctx, /*Enumerators=*/true))
        F.Spelled.insert(Object);
  }

  NonBlockingIo::Facts &F;
  const AsyncModel &Model;
  const ASTContext &Ctx;
  const Tables &T;
};
} // namespace

static const Stmt *bodyOf(const FunctionDecl &FD) {
  const FunctionDecl *Def = nullptr;
  return FD.hasBody(Def) ? Def->getBody() : nullptr;
}

const NonBlockingIo::Facts &NonBlockingIo::factsOf(const Decl &Owner,
                                                   const AsyncModel &Model) {
  std::unique_ptr<Facts> &Entry = Cache[&Owner];
  if (Entry)
    return *Entry;
  Entry = std::make_unique<Facts>();
  Facts &F = *Entry;
  FactsCollector Collect(F, Model, Owner.getASTContext());
  if (const auto *FD = dyn_cast<FunctionDecl>(&Owner)) {
    if (const Stmt *Body = bodyOf(*FD))
      Collect.scan(*Body);
  } else if (const auto *RD = dyn_cast<CXXRecordDecl>(&Owner)) {
    for (const FieldDecl *Field : RD->fields())
      Collect.stored(Field->getInClassInitializer(), Field);
    for (const CXXMethodDecl *M : RD->methods()) {
      const FunctionDecl *Def = nullptr;
      if (!M->hasBody(Def))
        continue;
      if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(Def))
        for (const CXXCtorInitializer *Init : Ctor->inits())
          Collect.stored(Init->getInit(), Init->getMember());
      Collect.scan(*Def->getBody());
    }
  }
  return F;
}

/// 'write(fd, &token, sizeof(token))': one integer of at most 8 bytes,
/// from a local initialized with a constant.
static bool writesToken(const CallExpr &Call, const WakeUpWrite &W,
                        const ASTContext &Ctx, bool &ConstantToken) {
  const auto *Size =
      dyn_cast_or_null<UnaryExprOrTypeTraitExpr>(argAt(Call, W.Size));
  if (!Size || Size->getKind() != UETT_SizeOf)
    return false;
  QualType Counted = Size->getTypeOfArgument();
  if (!Counted->isIntegerType() ||
      Ctx.getTypeSizeInChars(Counted).getQuantity() > 8)
    return false;
  const Expr *Buf = argAt(Call, W.Buf);
  const auto *Addr =
      dyn_cast_or_null<UnaryOperator>(Buf ? Buf->IgnoreParenCasts() : nullptr);
  const auto *Token =
      Addr && Addr->getOpcode() == UO_AddrOf
          ? dyn_cast_or_null<VarDecl>(referencedDecl(Addr->getSubExpr()))
          : nullptr;
  ConstantToken = Token && Token->hasLocalStorage() && Token->getInit() &&
                  Token->getType()->isIntegerType() &&
                  Token->getInit()->isEvaluatable(Ctx);
  return true;
}

bool NonBlockingIo::returnsInstead(const CallExpr &Call,
                                   const FunctionDecl &Caller,
                                   const AsyncModel &Model) {
  const Tables &T = tables();
  const ASTContext &Ctx = Caller.getASTContext();
  const FunctionDecl *C = cFunction(Call);
  auto Io = C ? T.Calls.find(C->getName()) : T.Calls.end();
  bool Descriptor = Io != T.Calls.end();
  if (Descriptor && mentions(argAt(Call, Io->second.Flags), T.Flags, Ctx))
    return true;
  const ValueDecl *Fd = Descriptor ? descriptorDecl(argAt(Call, Io->second.Fd))
                                   : referencedDecl(callSubject(Call));
  const Facts &Local = factsOf(Caller, Model);
  const Facts *Class = nullptr;
  if (const auto *Field = dyn_cast_or_null<FieldDecl>(Fd))
    if (const auto *RD = dyn_cast<CXXRecordDecl>(Field->getParent()))
      Class = &factsOf(*RD, Model);
  auto Known = [&](llvm::DenseSet<const ValueDecl *> Facts::*Set) {
    return Fd &&
           ((Local.*Set).contains(Fd) || (Class && (Class->*Set).contains(Fd)));
  };
  if (Known(&Facts::NonBlocking))
    return true;
  if (!Descriptor)
    return false;
  auto Wake = C ? T.WakeUpWrites.find(C->getName()) : T.WakeUpWrites.end();
  bool ConstantToken = false;
  if (Wake != T.WakeUpWrites.end() &&
      writesToken(Call, Wake->second, Ctx, ConstantToken) &&
      (ConstantToken || Known(&Facts::WakeUp)))
    return true;
  // Inference: two signals, never one.
  int Signals =
      Known(&Facts::Ready) + Local.TestsWouldBlock + Known(&Facts::Spelled);
  return Signals >= 2;
}

} // namespace clang::tidy::async::model

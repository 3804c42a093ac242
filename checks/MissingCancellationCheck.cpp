//===--- MissingCancellationCheck.cpp - async-missing-cancellation --------===//

#include "MissingCancellationCheck.h"
#include "checks/model/ApiNames.h"
#include "checks/model/AstHelpers.h"
#include "checks/model/StmtWalk.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Lex/Lexer.h"

namespace clang::tidy::async {

MissingCancellationCheck::MissingCancellationCheck(StringRef Name,
                                                   ClangTidyContext *Context)
    : FunctionBodyCheck(Name, Context), TokenTypes(*this, "TokenTypes"),
      InferTokens(Options.getLocalOrGlobal("InferTokens", true)),
      Tokens(InferTokens) {}

void MissingCancellationCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  FunctionBodyCheck::storeOptions(Opts);
  Options.store(Opts, "InferTokens", InferTokens);
}

bool MissingCancellationCheck::isToken(QualType T) const {
  T = T.getNonReferenceType();
  if (T->isPointerType()) // async_simple passes its Slot by pointer
    T = T->getPointeeType();
  if (Tokens.isTableToken(T) || Tokens.inferredToken(T))
    return true;
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  return RD && RD->getIdentifier() && !TokenTypes.empty() &&
         TokenTypes.matches(model::apiName(*RD));
}

static QualType bare(QualType T) {
  return T.getNonReferenceType().getUnqualifiedType();
}

/// For a parameter type that is not a token: the token type it converts
/// from implicitly (pplx::task_options from a cancellation_token), judged
/// from its non-template converting constructors.
static QualType convertsFrom(QualType Wanted,
                             llvm::function_ref<bool(QualType)> IsToken) {
  const CXXRecordDecl *RD = Wanted->getAsCXXRecordDecl();
  if (!RD || !RD->hasDefinition())
    return {};
  for (const CXXConstructorDecl *Ctor : RD->getDefinition()->ctors())
    if (Ctor->getNumParams() == 1 && !Ctor->isExplicit() &&
        !Ctor->isCopyOrMoveConstructor() &&
        IsToken(bare(Ctor->getParamDecl(0)->getType())))
      return bare(Ctor->getParamDecl(0)->getType());
  return {};
}

std::optional<MissingCancellationCheck::Acceptor>
MissingCancellationCheck::fit(const ParmVarDecl &Param,
                              llvm::ArrayRef<const VarDecl *> Held) const {
  QualType Wanted = bare(Param.getType());
  if (Wanted->isDependentType())
    return std::nullopt;
  bool Converted = false;
  if (!isToken(Wanted)) {
    Wanted = convertsFrom(Wanted, [this](QualType T) { return isToken(T); });
    if (Wanted.isNull())
      return std::nullopt;
    Converted = true;
  }
  const ASTContext &Ctx = Param.getASTContext();
  // The innermost token: a local declared for the work at hand wins over a
  // parameter.
  for (const VarDecl *Token : llvm::reverse(Held)) {
    QualType Have = bare(Token->getType());
    if (Ctx.hasSameType(Have, Wanted))
      return Acceptor{nullptr, &Param, Token, {}, !Converted, false};
    llvm::StringRef Member =
        Converted ? llvm::StringRef() : Tokens.projection(Have, Wanted);
    if (!Member.empty())
      return Acceptor{nullptr, &Param, Token, Member, false, false};
  }
  return std::nullopt;
}

/// Whether the parameters of \p Overload are those of \p Callee with one
/// more, at \p Extra; a dependent type matches anything.
static bool addsOneParameter(const FunctionDecl &Overload, unsigned Extra,
                             const FunctionDecl &Callee,
                             const ASTContext &Ctx) {
  if (Overload.getNumParams() != Callee.getNumParams() + 1)
    return false;
  for (unsigned I = 0, J = 0; I < Overload.getNumParams(); ++I) {
    if (I == Extra)
      continue;
    QualType A = Overload.getParamDecl(I)->getType();
    QualType B = Callee.getParamDecl(J++)->getType();
    if (!A->isDependentType() && !B->isDependentType() &&
        !Ctx.hasSameType(A.getCanonicalType(), B.getCanonicalType()))
      return false;
  }
  return true;
}

/// The declaration a call's callee comes from: the template pattern of a
/// specialization, else the callee.
static const FunctionDecl *pattern(const FunctionDecl *Callee) {
  if (const FunctionTemplateDecl *Template = Callee->getPrimaryTemplate())
    return Template->getTemplatedDecl();
  if (const FunctionDecl *Member = Callee->getInstantiatedFromMemberFunction())
    return Member;
  return Callee;
}

std::optional<MissingCancellationCheck::Acceptor>
MissingCancellationCheck::acceptor(const CallExpr &Call,
                                   const FunctionDecl &Caller,
                                   llvm::ArrayRef<const VarDecl *> Held,
                                   ASTContext &Ctx) const {
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee || !Callee->getIdentifier() || Callee->isOverloadedOperator() ||
      Tokens.inheritsToken(Call))
    return std::nullopt;
  unsigned Written = 0;
  for (const Expr *Arg : Call.arguments()) {
    if (isa<CXXDefaultArgExpr>(Arg))
      break;
    ++Written;
    // Any token passed, even another one or an explicit empty one, is a
    // decision the caller made.
    if (isToken(Arg->getType()))
      return std::nullopt;
  }
  // A defaulted parameter of the callee itself.
  for (unsigned I = Written; I < Callee->getNumParams(); ++I)
    if (auto Found = fit(*Callee->getParamDecl(I), Held)) {
      Found->Function = Callee;
      Found->Appendable =
          I + 1 == Callee->getNumParams() && I == Written && Found->Exact;
      return Found;
    }
  // A sibling overload with one more parameter, a token.
  const FunctionDecl &Own = *pattern(Callee);
  const DeclContext *Scope = Own.getDeclContext()->getRedeclContext();
  const auto *CallerClass = dyn_cast<CXXMethodDecl>(&Caller);
  for (const NamedDecl *Candidate : Scope->lookup(Own.getDeclName())) {
    const FunctionDecl *Overload = Candidate->getAsFunction();
    if (!Overload || Overload->getCanonicalDecl() == Own.getCanonicalDecl() ||
        Overload->isDeleted())
      continue;
    // A private overload is not the caller's to use from outside.
    if (Overload->getAccess() == AS_private &&
        (!CallerClass || CallerClass->getParent()->getCanonicalDecl() !=
                             cast<Decl>(Scope)->getCanonicalDecl()))
      continue;
    for (unsigned I = 0; I < Overload->getNumParams(); ++I) {
      if (!addsOneParameter(*Overload, I, Own, Ctx))
        continue;
      if (auto Found = fit(*Overload->getParamDecl(I), Held)) {
        Found->Function = Overload;
        Found->Appendable = I + 1 == Overload->getNumParams() &&
                            Written == Callee->getNumParams() && Found->Exact &&
                            !Overload->getDescribedFunctionTemplate() &&
                            !Own.getDescribedFunctionTemplate();
        return Found;
      }
    }
  }
  return std::nullopt;
}

void MissingCancellationCheck::report(const CallExpr &Call, const Acceptor &A,
                                      ASTContext &Ctx) {
  // At the callee's name: 'fetch' of 'app::fetch(url)', 'crawl' of
  // 'c.crawl(url)'.
  SourceLocation Loc = Call.getExprLoc();
  if (const auto *Name =
          dyn_cast<DeclRefExpr>(Call.getCallee()->IgnoreImplicit()))
    Loc = Name->getLocation();
  if (!reportOnce(Loc))
    return;
  std::string Pass = A.Held->getName().str();
  if (!A.Projection.empty())
    Pass += "." + A.Projection.str() + "()";
  bool Overload = A.Function != Call.getDirectCallee();
  std::string ParamType =
      model::typeName(A.Param->getType().getNonReferenceType(), Ctx);
  {
    auto Diag =
        diag(Loc, "call to %0 does not pass the cancellation token %1 "
                  "the function holds; pass it%select{ as its %3 "
                  "argument| to the overload that accepts a '%2'}4")
        << Call.getDirectCallee()->getDeclName() << A.Held << ParamType
        << (A.Param->getName().empty() ? "'" + ParamType + "'"
                                       : "'" + A.Param->getName().str() + "'")
        << Overload;
    SourceLocation RParen = Call.getRParenLoc();
    if (A.Appendable && RParen.isFileID() && Call.getBeginLoc().isFileID())
      Diag << FixItHint::CreateInsertion(
          RParen,
          (Call.getNumArgs() > 0 && !isa<CXXDefaultArgExpr>(Call.getArg(0))
               ? ", "
               : "") +
              Pass);
  } // the warning is emitted before its notes
  diag(A.Param->getLocation(),
       Overload ? "this overload of %0 accepts a cancellation token"
                : "%0 takes a cancellation token here, defaulted",
       DiagnosticIDs::Note)
      << A.Function->getDeclName();
  diag(A.Held->getLocation(), "the function holds the token %0 here",
       DiagnosticIDs::Note)
      << A.Held;
  if (const model::InferredRole *Role = Tokens.inferredToken(A.Held->getType()))
    diag(Role->Decl->getLocation(), Role->Why, DiagnosticIDs::Note);
}

void MissingCancellationCheck::walk(
    const Stmt &Root, const FunctionDecl &Caller,
    llvm::SmallVectorImpl<const VarDecl *> &Held, ASTContext &Ctx) {
  // An explicit work list (StmtWalk.h): generated code nests expressions
  // deeper than the stack allows recursion. Each statement other than a
  // declaration ends the tokens declared inside it; a declaration's tokens
  // stay held until the enclosing block ends.
  llvm::SmallVector<size_t, 32> Scopes;
  walkStatements(
      Root,
      [&](const Stmt &S, const Stmt *) {
        if (isa<LambdaExpr>(S)) // a lambda is a function of its own
          return WalkAction::Skip;
        if (const auto *Call = dyn_cast<CallExpr>(&S); Call && !Held.empty())
          if (auto Found = acceptor(*Call, Caller, Held, Ctx))
            report(*Call, *Found, Ctx);
        if (!isa<DeclStmt>(S))
          Scopes.push_back(Held.size());
        return WalkAction::Descend;
      },
      [&](const Stmt &S) {
        if (const auto *Decls = dyn_cast<DeclStmt>(&S)) {
          for (const Decl *D : Decls->decls())
            if (const auto *Var = dyn_cast<VarDecl>(D);
                Var && isToken(Var->getType()))
              Held.push_back(Var);
          return;
        }
        Held.resize(Scopes.pop_back_val());
      },
      [](const Stmt &S, llvm::SmallVectorImpl<const Stmt *> &Out) {
        // Of a co_await, only what is awaited is the user's code.
        if (const auto *Suspend = dyn_cast<CoroutineSuspendExpr>(&S)) {
          if (const Expr *Operand = Suspend->getOperand())
            Out.push_back(Operand);
          return;
        }
        childrenOf(S, Out);
      });
}

void MissingCancellationCheck::checkBody(const FunctionDecl &Function,
                                         const Stmt &Body, bool /*IsCoroutine*/,
                                         ASTContext &Ctx) {
  llvm::SmallVector<const VarDecl *, 4> Held;
  // A lambda holds the tokens it captures.
  if (const auto *Method = dyn_cast<CXXMethodDecl>(&Function);
      Method && Method->getParent()->isLambda())
    for (const LambdaCapture &Capture : Method->getParent()->captures())
      if (Capture.capturesVariable())
        if (const auto *Var = dyn_cast<VarDecl>(Capture.getCapturedVar());
            Var && isToken(Var->getType()))
          Held.push_back(Var);
  for (const ParmVarDecl *Param : Function.parameters())
    if (isToken(Param->getType()))
      Held.push_back(Param);
  walk(Body, Function, Held, Ctx);
  scanTimers(Body);
}

void MissingCancellationCheck::onStartOfTranslationUnit() {
  FunctionBodyCheck::onStartOfTranslationUnit();
  Tokens.clear();
  CancelledTimers.clear();
  TimerHandlers.clear();
}

/// The timer a member call is made on ('timer_' of 'timer_.cancel()' and
/// of 'timer_->async_wait(...)'), or null.
static const ValueDecl *timerOf(const CallExpr &Call,
                                const model::AsyncModel &Model) {
  const Expr *Object = model::callObject(Call);
  if (!Object || !Model.isTimerType(Object->getType()))
    return nullptr;
  return model::referencedDecl(Object);
}

void MissingCancellationCheck::scanTimers(const Stmt &Body) {
  const model::AsyncModel &Model = model();
  walkStatements(Body, [&](const Stmt &S, const Stmt *) {
    if (isa<LambdaExpr>(S)) // a lambda's body is a function of its own
      return WalkAction::Skip;
    const auto *Call = dyn_cast<CXXMemberCallExpr>(&S);
    const CXXMethodDecl *Method = Call ? Call->getMethodDecl() : nullptr;
    if (!Method || !Method->getIdentifier())
      return WalkAction::Descend;
    StringRef Name = Method->getName();
    bool Disarm = Model.isTimerDisarm(Name), Wait = Model.isTimerWait(Name);
    if (!Disarm && !Wait)
      return WalkAction::Descend;
    const ValueDecl *Timer = timerOf(*Call, Model);
    if (!Timer)
      return WalkAction::Descend;
    // Re-arming ('expires_after' before 'async_wait') cancels too, but that
    // is how a timer is reused; only an explicit cancel stops its work.
    if (Disarm && Model.isOperationCancel(Name))
      CancelledTimers.try_emplace(Timer, Call);
    if (Wait && Call->getNumArgs() > 0)
      if (const LambdaExpr *Handler =
              model::lambdaArgument(Call->getArg(Call->getNumArgs() - 1)))
        TimerHandlers.push_back({Timer, Handler});
    return WalkAction::Descend;
  });
}

void MissingCancellationCheck::onEndOfTranslationUnit() {
  for (const auto &[Timer, Handler] : TimerHandlers) {
    auto Cancel = CancelledTimers.find(Timer);
    if (Cancel != CancelledTimers.end())
      checkHandler(*Timer, *Handler, *Cancel->second);
  }
}

/// Whether \p E reads anything but \p Error and constants (the error
/// enumerators): state, a flag, a generation, the timer's expiry.
static bool readsState(const Expr &E, const ParmVarDecl &Error) {
  bool Found = false;
  walkStatements(E, [&](const Stmt &S, const Stmt *) {
    if (const auto *Ref = dyn_cast<DeclRefExpr>(&S)) {
      const ValueDecl *D = Ref->getDecl();
      if (D != &Error && !isa<EnumConstantDecl, FunctionDecl>(D)) {
        Found = true;
        return WalkAction::Stop;
      }
    }
    if (isa<MemberExpr, CXXThisExpr>(S) &&
        !(isa<MemberExpr>(S) &&
          model::referencedDecl(cast<MemberExpr>(S).getBase()) == &Error)) {
      Found = true;
      return WalkAction::Stop;
    }
    return WalkAction::Descend;
  });
  return Found;
}

void MissingCancellationCheck::checkHandler(const ValueDecl &Timer,
                                            const LambdaExpr &Handler,
                                            const CallExpr &Cancel) {
  const CXXMethodDecl *Operator = Handler.getCallOperator();
  if (!Operator || Operator->getNumParams() == 0 || !Operator->hasBody())
    return;
  // Asio passes the error first.
  const ParmVarDecl &Error = *Operator->getParamDecl(0);
  const Expr *ErrorTest = nullptr;
  bool ChecksState = false;
  llvm::SmallVector<const Expr *, 4> Conditions;
  llvm::SmallVector<const CallExpr *, 8> Calls;
  walkStatements(*Operator->getBody(), [&](const Stmt &S, const Stmt *) {
    if (isa<LambdaExpr>(S))
      return WalkAction::Skip;
    if (const auto *Call = dyn_cast<CallExpr>(&S))
      Calls.push_back(Call);
    const Expr *Cond = nullptr;
    if (const auto *If = dyn_cast<IfStmt>(&S))
      Cond = If->getCond();
    else if (const auto *Choice = dyn_cast<ConditionalOperator>(&S))
      Cond = Choice->getCond();
    else if (const auto *Loop = dyn_cast<WhileStmt>(&S))
      Cond = Loop->getCond();
    if (!Cond)
      return WalkAction::Descend;
    Conditions.push_back(Cond);
    if (readsState(*Cond, Error))
      ChecksState = true;
    else if (!ErrorTest)
      walkStatements(*Cond, [&](const Stmt &C, const Stmt *) {
        if (const auto *Ref = dyn_cast<DeclRefExpr>(&C);
            Ref && Ref->getDecl() == &Error)
          ErrorTest = Cond;
        return ErrorTest ? WalkAction::Stop : WalkAction::Descend;
      });
    return WalkAction::Descend;
  });
  // The handler acts when it calls something outside its tests.
  bool Acts = llvm::any_of(Calls, [&](const CallExpr *Call) {
    return llvm::none_of(Conditions, [&](const Expr *Cond) {
      return Cond->getSourceRange().fullyContains(Call->getSourceRange());
    });
  });
  if (!ErrorTest || ChecksState || !Acts ||
      !reportOnce(ErrorTest->getBeginLoc()))
    return;
  diag(ErrorTest->getBeginLoc(),
       "the handler of %0 takes 'no error' for 'not cancelled': a timer that "
       "had already expired when it was cancelled completes with success; "
       "re-check the owner's state (a flag, a generation counter, or the "
       "timer's expiry)")
      << &Timer;
  diag(Cancel.getExprLoc(), "%0 is cancelled here", DiagnosticIDs::Note)
      << &Timer;
}

} // namespace clang::tidy::async

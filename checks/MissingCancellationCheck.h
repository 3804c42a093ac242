//===--- MissingCancellationCheck.h - async-missing-cancellation ----------===//

#ifndef ASYNC_TIDY_CHECKS_MISSINGCANCELLATIONCHECK_H
#define ASYNC_TIDY_CHECKS_MISSINGCANCELLATIONCHECK_H

#include "common/FunctionBodyCheck.h"
#include "common/RegexOption.h"
#include "model/Cancellation.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"

namespace clang::tidy::async {

/// Calls that do not pass on the cancellation token the function holds,
/// though the callee accepts one (.NET's CA2016).
///
/// For the user-facing documentation see
/// docs/checks/async-missing-cancellation.md
class MissingCancellationCheck : public FunctionBodyCheck {
public:
  MissingCancellationCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void onStartOfTranslationUnit() override;
  void onEndOfTranslationUnit() override;

private:
  void checkBody(const FunctionDecl &Function, const Stmt &Body,
                 bool IsCoroutine, ASTContext &Ctx) override;

  /// Where a callee accepts a token: a defaulted parameter of its own, or a
  /// parameter of a sibling overload.
  struct Acceptor {
    const FunctionDecl *Function; // the callee or its overload
    const ParmVarDecl *Param;     // the parameter that takes the token
    const VarDecl *Held;          // the held token that fits it
    llvm::StringRef Projection;   // member that turns Held into the token
    bool Exact;                   // the parameter's type is Held's
    bool Appendable;              // 'f(a)' -> 'f(a, held)' is the fix
  };

  /// A cancellation token type: by table, by shape or by TokenTypes.
  bool isToken(QualType T) const;
  /// The innermost held token that \p Param accepts, and how.
  std::optional<Acceptor> fit(const ParmVarDecl &Param,
                              llvm::ArrayRef<const VarDecl *> Held) const;
  std::optional<Acceptor> acceptor(const CallExpr &Call,
                                   const FunctionDecl &Caller,
                                   llvm::ArrayRef<const VarDecl *> Held,
                                   ASTContext &Ctx) const;
  void walk(const Stmt &Root, const FunctionDecl &Caller,
            llvm::SmallVectorImpl<const VarDecl *> &Held, ASTContext &Ctx);
  void report(const CallExpr &Call, const Acceptor &A, ASTContext &Ctx);

  /// Part (b): timers the translation unit cancels, and the handlers given
  /// to their waits, judged at its end.
  void scanTimers(const Stmt &Body);
  void checkHandler(const ValueDecl &Timer, const LambdaExpr &Handler,
                    const CallExpr &Cancel);
  llvm::DenseMap<const ValueDecl *, const CallExpr *> CancelledTimers;
  llvm::SmallVector<std::pair<const ValueDecl *, const LambdaExpr *>, 8>
      TimerHandlers;

  RegexOption TokenTypes;
  bool InferTokens;
  model::Cancellation Tokens;
};

} // namespace clang::tidy::async

#endif // ASYNC_TIDY_CHECKS_MISSINGCANCELLATIONCHECK_H

//===--- UndisposedTimeoutCheck.h - async-undisposed-timeout --------------===//

#ifndef ASYNC_TIDY_CHECKS_UNDISPOSEDTIMEOUTCHECK_H
#define ASYNC_TIDY_CHECKS_UNDISPOSEDTIMEOUTCHECK_H

#include "checks/model/ProjectIndex.h"
#include "common/FunctionBodyCheck.h"
#include "common/RegexOption.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"

namespace clang::tidy::async {

/// Finds timeouts that are not released when the guarded work finishes
/// first: an Asio timer armed to cancel an operation and not cancelled when
/// the operation completes, heap timers that keep themselves alive or leak,
/// and threads that only sleep and then act (a thread per timeout).
///
/// For the user-facing documentation see
/// docs/checks/async-undisposed-timeout.md
class UndisposedTimeoutCheck : public FunctionBodyCheck {
public:
  UndisposedTimeoutCheck(StringRef Name, ClangTidyContext *Context);
  void onStartOfTranslationUnit() override;

private:
  void checkBody(const FunctionDecl &Function, const Stmt &Body,
                 bool IsCoroutine, ASTContext &Ctx) override;
  class FunctionScan;
  bool isDisarm(llvm::StringRef Member) const;
  /// A function that arms its timer parameter as a timeout cancelling
  /// another of its parameters.
  struct Armer {
    unsigned Timer, Guarded;
    std::string Function;
    SourceLocation Loc;         // the arming wait, in this file
    model::CrossFileStep Place; // or in another file
  };
  /// The timeout \p Definition, a function of this file, arms, if any.
  std::optional<Armer> armerOf(const FunctionDecl &Definition);
  /// What the project index says \p Callee, a function of another file,
  /// does with a timer given as parameter \p Param.
  const model::CrossFileParameter *indexedTimerUse(const FunctionDecl &Callee,
                                                   unsigned Param) const;

  RegexOption CancelFunctions;
  ASTContext *Context = nullptr;
  llvm::DenseMap<const FunctionDecl *, Armer> Armers;
  llvm::DenseSet<const FunctionDecl *> ScannedArmers;
};

} // namespace clang::tidy::async

#endif // ASYNC_TIDY_CHECKS_UNDISPOSEDTIMEOUTCHECK_H

//===--- UseAfterSuspendCheck.h - async-use-after-suspend -----------------===//

#ifndef ASYNC_TIDY_CHECKS_USEAFTERSUSPENDCHECK_H
#define ASYNC_TIDY_CHECKS_USEAFTERSUSPENDCHECK_H

#include "common/FunctionBodyCheck.h"
#include "common/RegexOption.h"

namespace clang::tidy::async {

/// Finds references, pointers, iterators and views into containers that
/// other code can reshape, taken before a co_await and used after it, and
/// thread-affine values (thread ids, thread_local state) used after a
/// suspension that can resume the coroutine on another thread.
///
/// For the user-facing documentation see docs/checks/async-use-after-suspend.md
class UseAfterSuspendCheck : public FunctionBodyCheck {
public:
  UseAfterSuspendCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;

private:
  struct Binding;

  void checkBody(const FunctionDecl &Function, const Stmt &Body,
                 bool IsCoroutine, ASTContext &Ctx) override;
  bool switchesThread(const Stmt &Suspension) const;
  void report(const Binding &B, const Stmt &Use, const Stmt &Suspension);

  RegexOption StableContainers;
  RegexOption ThreadSwitchingCalls;
  const bool AssumeThreadSwitch;
};

} // namespace clang::tidy::async

#endif // ASYNC_TIDY_CHECKS_USEAFTERSUSPENDCHECK_H

//===--- CoroutineLifetimeCheck.h - async-coroutine-lifetime ---*- C++ -*-===//

#ifndef ASYNC_TIDY_CHECKS_COROUTINELIFETIMECHECK_H
#define ASYNC_TIDY_CHECKS_COROUTINELIFETIMECHECK_H

#include "common/FunctionBodyCheck.h"
#include "common/RegexOption.h"

namespace clang::tidy::async {

/// Finds coroutines whose frame refers to objects that die before the task
/// is done: the closure of a capturing lambda coroutine that is a temporary
/// or is handed to a function that may destroy it, and temporaries or
/// locals bound to reference, pointer or view parameters of a coroutine
/// whose task outlives them (kept, returned, handed off).
///
/// For the user-facing documentation see
/// docs/checks/async-coroutine-lifetime.md
class CoroutineLifetimeCheck : public FunctionBodyCheck {
public:
  CoroutineLifetimeCheck(StringRef Name, ClangTidyContext *Context);

private:
  void checkBody(const FunctionDecl &Function, const Stmt &Body,
                 bool IsCoroutine, ASTContext &Ctx) override;
  class FunctionScan;

  /// Calls and classes besides the model's that keep a closure alive until
  /// the coroutine it starts is done.
  RegexOption ClosureOwners;
};

} // namespace clang::tidy::async

#endif // ASYNC_TIDY_CHECKS_COROUTINELIFETIMECHECK_H

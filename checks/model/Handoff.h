//===--- Handoff.h - Calls that hand work to another thread or later ------===//
//
// One answer, for every check, to: does this call hand off work (post,
// co_spawn, task.then, an async_* initiating function), which arguments are
// the work, and does the call itself let go of the work's result.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_CHECKS_MODEL_HANDOFF_H
#define ASYNC_TIDY_CHECKS_MODEL_HANDOFF_H

#include "AsyncModel.h"
#include <optional>

namespace clang::tidy::async::model {

enum class HandoffKind : uint8_t {
  Handler,          // an executor runs it (post, co_spawn, create_task)
  Continuation,     // it runs after the object of the call (task.then)
  CompletionHandler // an initiating function calls it on completion
};

struct Handoff {
  HandoffKind Kind;
  /// The work is the arguments from this one on: all of a scheduling call's,
  /// only the last (the completion handler) of an initiating function's.
  unsigned FirstWork;
  /// The call lets go of the work's result: a spawn whose completion token
  /// waits for nothing (asio::detached) or is a handler of its own. Other
  /// work is joined only if the caller waits for the call's result or runs
  /// its executor.
  bool Detached;
  /// The argument that ties the work to a context object (a QObject) whose
  /// destruction cancels it: a pointer to one right before the first
  /// callable argument ('QTimer::singleShot(ms, context, f)',
  /// 'QMetaObject::invokeMethod(context, f)'). It is not part of the work.
  std::optional<unsigned> Context;

  llvm::ArrayRef<const Expr *> work(const CallExpr &Call) const {
    return llvm::ArrayRef(Call.getArgs(), Call.getNumArgs())
        .drop_front(FirstWork);
  }
};

/// How \p Call hands off work, or nothing for a call that runs its
/// arguments (if at all) before it returns.
std::optional<Handoff> handoff(const CallExpr &Call, const AsyncModel &Model);

} // namespace clang::tidy::async::model

#endif // ASYNC_TIDY_CHECKS_MODEL_HANDOFF_H

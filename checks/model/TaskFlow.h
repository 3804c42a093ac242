//===--- TaskFlow.h - Where a task goes after the expression that makes it ===//
//
// A coroutine's frame keeps references to what its closure and its
// reference parameters name. Whether those can die first depends on where
// the task goes: awaited or waited for within the full-expression, it is
// done before any temporary dies; kept in a variable, returned, assigned
// elsewhere or handed to an executor, it lives on.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_CHECKS_MODEL_TASKFLOW_H
#define ASYNC_TIDY_CHECKS_MODEL_TASKFLOW_H

#include "AsyncModel.h"
#include "llvm/ADT/ArrayRef.h"

namespace clang::tidy::async::model {

enum class TaskFate : uint8_t {
  Unknown,   // given to a call the model cannot follow
  Finished,  // awaited or waited for before the full-expression ends
  Dropped,   // destroyed at the end of the full-expression
  Stored,    // kept in a local variable (TaskFlow::Var)
  Returned,  // returned from the function
  Escaped,   // assigned to a member, a global or through a pointer, or
             // stored in a container that is not a local
  HandedOff, // given to an executor or continued by a callback nobody
             // waits for before the full-expression ends
};

struct TaskFlow {
  TaskFate Fate = TaskFate::Unknown;
  /// The expression or statement that keeps the task (the variable's
  /// declaration, the return, the scheduling call).
  const Stmt *Keeper = nullptr;
  const VarDecl *Var = nullptr;
};

/// Where the task made by the expression that ends \p Ancestors (the chain
/// of statements from the function body down to it) goes.
TaskFlow taskFlow(llvm::ArrayRef<const Stmt *> Ancestors,
                  const AsyncModel &Model);

/// Where a task kept in local \p Var goes after its declaration in \p Body:
/// returned or escaped if some statement returns it or assigns it to a
/// non-local, else Stored.
TaskFlow variableFlow(const VarDecl &Var, const Stmt &Body);

} // namespace clang::tidy::async::model

#endif // ASYNC_TIDY_CHECKS_MODEL_TASKFLOW_H

//===--- Joins.h - What a function waits for before it returns ------------===//
//
// Work a call hands off can still refer to the function's locals safely if
// the function waits for it: it awaits or waits on the call's result, or it
// joins the executor or object the work runs on ('t.join()', 'ioc.run()',
// 'group.wait()'), or it waits for a signal that is the work's last act
// ('ev.set()' in the work, 'co_await ev' or 'ev.wait()' after it), which
// includes running an event loop the work quits ('loop.quit()' in the
// work, 'loop.exec()' after it).
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_CHECKS_MODEL_JOINS_H
#define ASYNC_TIDY_CHECKS_MODEL_JOINS_H

#include "AsyncModel.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallVector.h"

namespace clang::tidy::async::model {

class Joins {
public:
  /// Collects the objects \p Body waits on, outside its lambdas.
  Joins(const Stmt &Body, const AsyncModel &Model);

  /// Whether the function waits for the result of the call that ends
  /// \p Ancestors (the chain of statements from the body down to the call):
  /// it awaits it, waits on it, or keeps it in a variable it waits on.
  bool isResultWaited(llvm::ArrayRef<const Stmt *> Ancestors) const;
  /// The nearest written (not implicit) parent of the statement that ends
  /// \p Ancestors, or null.
  static const Stmt *writtenParent(llvm::ArrayRef<const Stmt *> Ancestors);
  /// Whether the function joins what the work of \p Call runs on
  /// (model::callSubject).
  bool isSubjectJoined(const CallExpr &Call) const;
  /// Whether the function joins \p Executor (or what it points to).
  bool isJoined(const Expr *Executor) const;

  /// Where the function, after \p Start, waits for a signal that is the
  /// last thing \p Work does with what it captures by reference: it
  /// awaits or waits on an object the work sets, notifies or counts down
  /// ('co_await ev', 'ev.wait()', 'f.get()' of 'p.get_future()'), loops
  /// on a flag the work raises ('while (!done) cv.wait(l)'), or runs an
  /// event loop the work quits ('loop.exec()' after 'loop.quit()'; only an
  /// event loop run that is not conditional within a block that contains
  /// \p Start). An awaited wrapper made from the object waits on it
  /// ('co_await qCoro(p.future())'); a local lambda the work calls signals
  /// as the work. Invalid when it waits for no such signal.
  SourceLocation signalWait(const LambdaExpr &Work, SourceLocation Start) const;

  /// Where the function joins work it queues after \p Call, in order, on
  /// the same context object (ASYNC_ORDERED_QUEUEING): the queue runs
  /// \p Call's work first. \p Ancestors ends at \p Call. Invalid when
  /// none is joined.
  SourceLocation orderedQueueJoin(const CallExpr &Call,
                                  llvm::ArrayRef<const Stmt *> Ancestors) const;

private:
  /// A wait outside the function's lambdas: on what, where, and the block
  /// the work must start in for the wait to follow it (invalid: anywhere).
  struct Wait {
    const Decl *Object;
    SourceLocation Where;
    SourceRange Within;
  };

  /// What work signals (the object, where the signal ends) and where it
  /// last uses a by-reference capture; local lambdas it calls are followed
  /// \p Depth calls deep.
  struct WorkSignals {
    llvm::SmallVector<std::pair<const Decl *, SourceLocation>, 4> Signals;
    SourceLocation LastUse;
  };
  WorkSignals workSignals(const LambdaExpr &Work, unsigned Depth) const;

  /// A wait on \p Object; an \p Awaited one also on what an awaited
  /// wrapper is made from ('co_await qCoro(f)').
  void addWait(const Expr *Object, SourceLocation Where, bool Awaited = false);
  void addLoopRun(const CallExpr &Run,
                  llvm::ArrayRef<const Stmt *> Ancestors);

  const AsyncModel &Model;
  llvm::DenseSet<const ValueDecl *> Joined;
  llvm::SmallVector<Wait, 8> Waits;
};

/// Whether \p Work, handed off inside the lambda \p Function (or a lambda
/// nested in it), is joined by the enclosing function that declares \p Var
/// before \p Var dies: it waits for the work's signal after the lambda
/// ('latch.wait()' after the threads that post work counting it down).
bool joinedByEnclosingFunction(const FunctionDecl &Function, const VarDecl &Var,
                               const LambdaExpr &Work, const AsyncModel &Model);

} // namespace clang::tidy::async::model

#endif // ASYNC_TIDY_CHECKS_MODEL_JOINS_H

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

  /// Where the function, after \p Start, waits for a signal that is the
  /// last thing \p Work does with what it captures by reference: it
  /// awaits or waits on an object the work sets, notifies or counts down
  /// ('co_await ev', 'ev.wait()', 'f.get()' of 'p.get_future()'), loops
  /// on a flag the work raises ('while (!done) cv.wait(l)'), or runs an
  /// event loop the work quits ('loop.exec()' after 'loop.quit()'; only an
  /// event loop run that is not conditional within a block that contains
  /// \p Start). Invalid when it waits for no such signal.
  SourceLocation signalWait(const LambdaExpr &Work, SourceLocation Start) const;

private:
  /// A wait outside the function's lambdas: on what, where, and the block
  /// the work must start in for the wait to follow it (invalid: anywhere).
  struct Wait {
    const Decl *Object;
    SourceLocation Where;
    SourceRange Within;
  };

  void addWait(const Expr *Object, SourceLocation Where);
  void addLoopRun(const CallExpr &Run,
                  llvm::ArrayRef<const Stmt *> Ancestors);

  const AsyncModel &Model;
  llvm::DenseSet<const ValueDecl *> Joined;
  llvm::SmallVector<Wait, 8> Waits;
};

} // namespace clang::tidy::async::model

#endif // ASYNC_TIDY_CHECKS_MODEL_JOINS_H

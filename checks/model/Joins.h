//===--- Joins.h - What a function waits for before it returns ------------===//
//
// Work a call hands off can still refer to the function's locals safely if
// the function waits for it: it awaits or waits on the call's result, or it
// joins the executor or object the work runs on ('t.join()', 'ioc.run()',
// 'group.wait()').
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_CHECKS_MODEL_JOINS_H
#define ASYNC_TIDY_CHECKS_MODEL_JOINS_H

#include "AsyncModel.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseSet.h"

namespace clang::tidy::async::model {

class Joins {
public:
  /// Collects the objects \p Body waits on, outside its lambdas.
  Joins(const Stmt &Body, const AsyncModel &Model);

  /// Whether the function waits for the result of the call that ends
  /// \p Ancestors (the chain of statements from the body down to the call):
  /// it awaits it, waits on it, or keeps it in a variable it waits on.
  bool isResultWaited(llvm::ArrayRef<const Stmt *> Ancestors) const;
  /// Whether the function joins what the work of \p Call runs on
  /// (model::callSubject).
  bool isSubjectJoined(const CallExpr &Call) const;

private:
  const AsyncModel &Model;
  llvm::DenseSet<const ValueDecl *> Joined;
};

} // namespace clang::tidy::async::model

#endif // ASYNC_TIDY_CHECKS_MODEL_JOINS_H

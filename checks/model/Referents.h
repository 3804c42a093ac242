//===--- Referents.h - What a reference, pointer or view argument refers to
//===//
//
// A coroutine's frame keeps its reference, pointer and view parameters as
// they are: the object an argument names must outlive the coroutine. These
// helpers say which object that is and who owns its storage.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_CHECKS_MODEL_REFERENTS_H
#define ASYNC_TIDY_CHECKS_MODEL_REFERENTS_H

#include "AsyncModel.h"
#include <optional>

namespace clang::tidy::async::model {

/// The object a reference, pointer or view parameter refers to once \p Arg
/// is bound to it.
struct BoundReferent {
  /// The expression naming the object: 'req.path' for 'f(req.path)',
  /// 'counter' for 'f(&counter)', 's' for a string_view made from 's'.
  const Expr *Object;
  /// A temporary made for the call, destroyed at the end of the
  /// full-expression (string literals are not: they live forever).
  bool Temporary;
};

/// What \p Arg, bound to a parameter of reference-like type \p Param,
/// refers to; none when it only copies another pointer or view.
std::optional<BoundReferent> boundReferent(const Expr &Arg, QualType Param,
                                           const AsyncModel &Model);

/// The local variable whose storage holds the object \p E names, through
/// '.' members, array and container elements and std::move: 'req' for
/// 'req.path'. Null for objects reached through references or pointers,
/// for a lambda's captures, and for non-locals.
const VarDecl *localOwner(const Expr *E);

} // namespace clang::tidy::async::model

#endif // ASYNC_TIDY_CHECKS_MODEL_REFERENTS_H

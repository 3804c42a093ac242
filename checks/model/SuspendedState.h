//===--- SuspendedState.h - What may change while a coroutine is suspended ===//
//
// A reference, pointer, iterator or view a coroutine keeps across a
// suspension is only as good as what it points into. These helpers say
// where a binding's initializer points: into the elements of a container
// that other code can reach and reshape (a member, a global, a parameter
// or capture by reference, an object behind a pointer), or into the
// coroutine's own state; and what ties a value to the current thread.
// Tables: SuspendedState.def.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_CHECKS_MODEL_SUSPENDEDSTATE_H
#define ASYNC_TIDY_CHECKS_MODEL_SUSPENDEDSTATE_H

#include "AsyncModel.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include <optional>

namespace clang::tidy::async::model {

/// A container of shared state that a binding points into.
struct SharedContainer {
  /// The member, variable or parameter that names the container, or the
  /// pointer it is reached through.
  const ValueDecl *Decl;
  /// The container is the object behind \c Decl ('*registry_').
  bool BehindPointer;
};

/// A reference, pointer, iterator or view type: what can point into a
/// container ('auto &', 'T *', 'std::map<K, V>::iterator', 'std::span').
bool isBindingType(QualType T, const AsyncModel &Model);

/// Where \p Var, a local binding of a binding type in \p Coroutine, points: the
/// shared, non-const container whose elements its initializer refers to
/// ('&sessions_[id]', 'sessions_.find(id)', 'std::string_view(name_)',
/// '*it' for such an iterator 'it'). Nothing for the coroutine's own locals
/// and by-value parameters, for const containers, for copies of a value
/// ('Session *s = sessions_[id]' copies a stored pointer), and for
/// containers \p IsStable accepts.
std::optional<SharedContainer>
sharedContainerOf(const VarDecl &Var, const FunctionDecl &Coroutine,
                  const AsyncModel &Model,
                  llvm::function_ref<bool(QualType)> IsStable);

/// What ties \p Var's value to the thread that initialized it: the call
/// that returned a thread identity (ASYNC_THREAD_ID_CALL) or the
/// thread_local variable it was read from; null otherwise.
const NamedDecl *threadAffineSource(const VarDecl &Var);

/// A 'co_await' that resumes the coroutine on another thread: a call in
/// ASYNC_THREAD_SWITCH_CALL, a switch onto an executor that is not an event
/// loop (Offload.h), or a switch member of a class named for a pool of
/// threads (ASYNC_POOL_SWITCH_MEMBER).
bool switchesThread(const Stmt &Suspension, const AsyncModel &Model);

} // namespace clang::tidy::async::model

#endif // ASYNC_TIDY_CHECKS_MODEL_SUSPENDEDSTATE_H

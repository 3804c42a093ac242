//===--- Exceptions.h - Where an exception can leave a body ---------------===//
//
// Detached work loses the exceptions it lets out. Whether it can let one
// out is judged from its body alone: a 'throw' that no enclosing try block
// in the body handles, or a call not declared noexcept (an awaited
// operation's await_resume included) outside every try block that has a
// handler.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_CHECKS_MODEL_EXCEPTIONS_H
#define ASYNC_TIDY_CHECKS_MODEL_EXCEPTIONS_H

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include <optional>

namespace clang::tidy::async::model {

/// The first place in \p Body an exception can leave it from: a throw
/// expression no enclosing try in \p Body handles (a handler of the thrown
/// class, of a base, or '...'; a rethrow is handled by any handler), or a
/// call, construction or co_await whose callee is neither noexcept nor a C
/// function, outside every try block with a handler (what a call throws is
/// unknown, so any handler counts) and outside the handlers themselves
/// (their logging is not counted, their throws are). Nested lambdas,
/// unevaluated operands, implicit special members and allocation are not
/// counted. A throw or an awaited operation is preferred to a call as the
/// place to name. Null when nothing can leave.
const Stmt *escapingStatement(const Stmt &Body);

/// The function a detached piece of work runs, and its body when visible
/// (for a coroutine, the user's body inside the CoroutineBodyStmt).
struct DetachedWork {
  const FunctionDecl *Function = nullptr;
  const Stmt *Body = nullptr;
  bool IsCoroutine = false;
};
/// What \p E runs: a lambda's call operator, the function a call
/// ('co_spawn(ex, session(s), detached)') or a function reference names.
std::optional<DetachedWork> detachedWork(const Expr &E);

/// For a plain function object that only returns a call ('[self] { return
/// self->reader(); }', co_spawn's function-object form): the coroutine it
/// calls, which is the work that runs.
std::optional<DetachedWork> forwardedCoroutine(const DetachedWork &Work);

/// A function declared noexcept (or an implicit or defaulted special
/// member, whose exception specification is not computed yet).
bool isNothrowFunction(const FunctionDecl &FD);

/// A class whose every call operator returns void (std::function<void()>):
/// it drops whatever the callable it wraps returns.
bool isVoidCallable(const CXXRecordDecl &Class);

/// A call that starts a stackful coroutine (Errors.def).
bool isStackfulSpawn(const CallExpr &Call);

/// Whether the qualified name \p Name ('std::exception_ptr') is declared
/// in the translation unit.
bool isDeclaredName(llvm::StringRef Name, ASTContext &Ctx);

} // namespace clang::tidy::async::model

#endif // ASYNC_TIDY_CHECKS_MODEL_EXCEPTIONS_H

//===--- AstHelpers.h - Questions about expressions every check asks ------===//
//
// General AST helpers with no knowledge of any library: what a call is made
// on, which lambda an argument passes, which variable an expression names.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_CHECKS_MODEL_ASTHELPERS_H
#define ASYNC_TIDY_CHECKS_MODEL_ASTHELPERS_H

#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"

namespace clang::tidy::async::model {

/// The implicit object of a member call (the future in 'f.get()'), or null.
const Expr *callObject(const CallExpr &Call);

/// What a call acts on: the object of a member call ('f' in 'f.get()',
/// 'ioc' in 'ioc.run()'), else its first argument ('t' in 'sync_wait(t)',
/// 'sock' in 'async_read(sock, ...)'); null for a call with neither.
const Expr *callSubject(const CallExpr &Call);

/// What \p Call passes for \p Param of its callee (an operator call to a
/// member passes the object first); null for a defaulted or variadic one.
const Expr *argumentFor(const CallExpr &Call, const ParmVarDecl &Param);

/// The lambda an argument passes, through temporaries and a conversion to
/// std::function; null when it passes none.
const LambdaExpr *lambdaArgument(const Expr *E);

/// The call operator a lambda runs: for a generic lambda ('[](auto &&f)')
/// its only instantiation, whose parameters have types and whose body has
/// resolved calls; null for a generic lambda instantiated 0 or several
/// times.
const CXXMethodDecl *instantiatedCallOperator(const LambdaExpr &Lambda);

/// The variable, parameter or field an expression names, looking through
/// implicit conversions, parentheses, 'std::move', a smart pointer's '->'
/// and '*', and member calls such as 'ioc.get_executor()'; null when it
/// names none.
const ValueDecl *referencedDecl(const Expr *E);

/// The expression that was written, through temporaries, conversions and
/// copies ('std::function<void()>(f)' -> 'f').
const Expr *writtenExpr(const Expr *E);

/// The definition whose members describe \p RD: for a class template
/// specialization that was never instantiated, its template's; for a member
/// class of one ('Generator<T>::promise_type'), the member's. Null when
/// none is visible.
const CXXRecordDecl *classWithMembers(const CXXRecordDecl *RD);

/// Whether \p RD itself declares a member named \p Name.
bool hasMember(const CXXRecordDecl &RD, llvm::StringRef Name);

/// An awaiter: await_ready, await_suspend and await_resume, or a member
/// operator co_await.
bool hasAwaiterShape(const CXXRecordDecl &RD);

/// What 'co_await' accepts: an awaiter, or a class with a non-member
/// operator co_await beside it (Seastar's 'operator co_await(future<T>
/// &&)', found by argument-dependent lookup).
bool isAwaitableClass(const CXXRecordDecl &RD);

/// A class that can be moved but not copied (a future, a unique task).
bool isMoveOnly(QualType T);

/// The class \p Task's nested 'promise_type' names (a member class or an
/// alias of one); null when there is none or it is not visible.
const CXXRecordDecl *nestedPromise(const CXXRecordDecl &Task);

/// A type whose values can be called: a function, a pointer to one or to a
/// member function, a lambda or another class with an operator().
bool isCallableType(QualType T);

} // namespace clang::tidy::async::model

#endif // ASYNC_TIDY_CHECKS_MODEL_ASTHELPERS_H

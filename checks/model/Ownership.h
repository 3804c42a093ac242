//===--- Ownership.h - Who owns what detached work refers to --------------===//
//
// Questions about an object's owner that decide whether work that outlives
// a function may still refer to it.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_CHECKS_MODEL_OWNERSHIP_H
#define ASYNC_TIDY_CHECKS_MODEL_OWNERSHIP_H

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"

namespace clang::tidy::async::model {

/// The member function whose 'this' a lambda in \p Function sees.
const CXXMethodDecl *thisOwner(const FunctionDecl &Function);

/// A class that ends itself with 'delete this' from one of its members: it
/// lives exactly as long as the work that refers to it.
bool deletesItself(const CXXRecordDecl &Class);

/// The construction of the function object an argument passes, through
/// copies and a local variable ('func f(x); std::thread t(f)'), or null.
const CXXConstructExpr *functionObjectConstruction(const Expr *E);

} // namespace clang::tidy::async::model

#endif // ASYNC_TIDY_CHECKS_MODEL_OWNERSHIP_H

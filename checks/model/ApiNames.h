//===--- ApiNames.h - Names under which the async model knows APIs --------===//
//
// The tables name APIs by qualified name without template arguments or
// inline namespaces ("std::future::get"), whatever the standard library's
// internal spelling is. These helpers compute that key for a declaration
// and for a call.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_CHECKS_MODEL_APINAMES_H
#define ASYNC_TIDY_CHECKS_MODEL_APINAMES_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringSet.h"
#include <string>

namespace clang::tidy::async::model {

/// "ns::Class::member", skipping template arguments, inline and anonymous
/// namespaces.
std::string apiName(const NamedDecl &D);

/// The last part of a qualified name: "Duration" of "absl::Duration".
llvm::StringRef shortName(llvm::StringRef Qualified);

/// The class of the object a member call is made on (through pointers), or
/// null for a call that is not a member call.
const CXXRecordDecl *objectClass(const CallExpr &Call);

/// The names a call can be known by, most specific first: for a member call,
/// the object's class + member, then the declaring class + member, then the
/// methods it overrides; for a free function, its qualified name.
llvm::SmallVector<std::string, 2> callKeys(const CallExpr &Call);
/// Whether a name \p Call is known by (callKeys) is in \p Names.
bool isCallNamedIn(const CallExpr &Call, const llvm::StringSet<> &Names);

/// Whether \p Callee can be what a table entry without '::' names ('read',
/// 'crypt'): a C library's function (extern "C" or declared in a system
/// header), not a user function or method that happens to share the name.
bool namesLibraryFunction(const FunctionDecl &Callee);

/// A class type for diagnostics: the template-id as the user wrote it
/// ("std::future<std::string>") when there is one behind the typedefs,
/// else the fully qualified class name.
std::string typeName(QualType T, const ASTContext &Ctx);

/// A type the user did not spell (a call's result, an 'auto' variable):
/// the canonical type without default template arguments.
std::string canonicalTypeName(QualType T, const ASTContext &Ctx);

/// The lower-case words of an identifier, split at '_', at other
/// punctuation and where the case changes: "m_backgroundExecutor" ->
/// m, background, executor; "CPUThreadPool" -> cpu, thread, pool.
llvm::SmallVector<std::string, 4> identifierWords(llvm::StringRef Name);

/// A call for diagnostics: "std::future<std::string>::get" with the object's
/// type as the user spells it, or the qualified name of a free function.
std::string callName(const CallExpr &Call);

} // namespace clang::tidy::async::model

#endif // ASYNC_TIDY_CHECKS_MODEL_APINAMES_H

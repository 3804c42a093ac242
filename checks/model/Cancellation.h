//===--- Cancellation.h - Cancellation tokens, by table and by shape ------===//
//
// Which types are cancellation tokens a function can pass on
// (std::stop_token, Asio's cancellation slot and state, pplx, folly, cppcoro
// and async_simple tokens, and token-shaped classes of other libraries), and
// how a held token gives the token type a callee takes. The knowledge is in
// Cancellation.def.
//
// Kept apart from AsyncModel for now so that only async-missing-cancellation
// depends on it; InferTokens is read like the shared Infer* options.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_CHECKS_MODEL_CANCELLATION_H
#define ASYNC_TIDY_CHECKS_MODEL_CANCELLATION_H

#include "ApiNames.h"
#include "Inference.h"
#include "clang/AST/Type.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include <deque>

namespace clang::tidy::async::model {

class Cancellation {
public:
  explicit Cancellation(bool InferTokens);

  /// A token type by table, through references and const.
  bool isTableToken(QualType T) const;
  /// Why \p T is treated as a token by its shape alone, or null.
  const InferredRole *inferredToken(QualType T) const;
  /// The member that gives, from a held token of type \p Held, the token
  /// type \p Wanted ('slot' of an asio::cancellation_state); empty when
  /// there is none.
  llvm::StringRef projection(QualType Held, QualType Wanted) const;
  /// A call whose work inherits the token of the work it continues
  /// (pplx::task::then).
  bool inheritsToken(const CallExpr &Call) const {
    return isCallNamedIn(Call, Inherited);
  }
  /// Forgets the roles of the previous translation unit's classes.
  void clear();

private:
  const InferredRole *inferToken(const CXXRecordDecl &Class) const;

  bool InferTokens;
  llvm::StringSet<> TokenTypes;
  // held type -> (member, token type it gives)
  llvm::StringMap<
      llvm::SmallVector<std::pair<llvm::StringRef, llvm::StringRef>, 1>>
      Projections;
  llvm::StringSet<> Inherited;
  llvm::StringSet<> Queries, Probes, Requests, Nouns;
  mutable std::deque<InferredRole> Roles; // stable addresses
  mutable llvm::DenseMap<const Decl *, const InferredRole *> Cache;
};

} // namespace clang::tidy::async::model

#endif // ASYNC_TIDY_CHECKS_MODEL_CANCELLATION_H

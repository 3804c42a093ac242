//===--- NonBlockingIo.h - System calls that return instead of blocking ---===//
//
// recv/send/read/write/accept/connect block only on a blocking descriptor.
// Certain: a non-blocking flag on the call (MSG_DONTWAIT), or on the
// descriptor where the function or its class makes it (fcntl O_NONBLOCK,
// socket(..., SOCK_NONBLOCK), eventfd(..., EFD_NONBLOCK),
// sock.non_blocking(true)). Inferred, from two of: an awaited readiness
// wait on the descriptor in the function or its class (reactor style); a
// test for EAGAIN/EINPROGRESS in the function; non-blocking mode spelled
// where the descriptor is made. A write of one integer token to a wake-up
// descriptor (eventfd, self-pipe) does not block either.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_CHECKS_MODEL_NONBLOCKINGIO_H
#define ASYNC_TIDY_CHECKS_MODEL_NONBLOCKINGIO_H

#include "AsyncModel.h"
#include "clang/AST/DeclCXX.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include <memory>

namespace clang::tidy::async::model {

class NonBlockingIo {
public:
  /// Whether \p Call, a blocking call in \p Caller, returns instead.
  bool returnsInstead(const CallExpr &Call, const FunctionDecl &Caller,
                      const AsyncModel &Model);
  /// Forgets the translation unit's nodes.
  void clear() { Cache.clear(); }

  /// What a function or a class does to its descriptors.
  struct Facts {
    llvm::DenseSet<const ValueDecl *> NonBlocking, Ready, Spelled, WakeUp;
    bool TestsWouldBlock = false;
  };

private:
  const Facts &factsOf(const Decl &Owner, const AsyncModel &Model);

  llvm::DenseMap<const Decl *, std::unique_ptr<Facts>> Cache;
};

} // namespace clang::tidy::async::model

#endif // ASYNC_TIDY_CHECKS_MODEL_NONBLOCKINGIO_H

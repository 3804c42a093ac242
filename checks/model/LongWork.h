//===--- LongWork.h - Work that keeps a thread for long -------------------===//
//
// An event loop or a shared pool serves many requests on few threads; work
// that keeps one of them without suspending delays everything queued
// behind it. Two shapes are recognised here: calls that compute for long by
// design (CpuHeavy.def) and loops that neither suspend nor end by their own
// progress.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_CHECKS_MODEL_LONGWORK_H
#define ASYNC_TIDY_CHECKS_MODEL_LONGWORK_H

#include "AsyncModel.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include <optional>

namespace clang::tidy::async::model {

enum class CpuWork : uint8_t { PasswordHash, KeyDerivation, Compression, Sort };

/// What the work is, for diagnostics ("password hashing").
llvm::StringRef describe(CpuWork Work);

/// The kind of CPU-heavy work \p Call does, or nothing: a table entry, or a
/// sort of a whole container that can grow.
std::optional<CpuWork> cpuHeavyWork(const CallExpr &Call);

/// Why a loop does not end by itself.
struct UnendingLoop {
  enum KindTy : uint8_t {
    /// 'for (;;)', 'while (true)'.
    NoCondition,
    /// Its condition reads state nothing in the loop changes: it runs
    /// until another thread changes it.
    ConditionNotAdvanced,
  } Kind;
  /// The state the condition reads (ConditionNotAdvanced), if named.
  const ValueDecl *Flag = nullptr;
  /// The body does nothing but test the condition: a busy wait.
  bool Spins = false;
};

/// For a while, do or for loop that never suspends, has no way out
/// (break, return, throw, goto, a call that does not return) and neither
/// blocks nor waits (the blocking checks report those): whether nothing in
/// it can end it.
std::optional<UnendingLoop>
unendingLoop(const Stmt &Loop, const AsyncModel &Model, ASTContext &Ctx);

} // namespace clang::tidy::async::model

#endif // ASYNC_TIDY_CHECKS_MODEL_LONGWORK_H

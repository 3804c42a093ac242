//===--- CheckCostTimer.h - What the checks add to the front end ----------===//
//
// clang-tidy's per-check profile times each matcher and its callback, but
// not the work a check does in onEndOfTranslationUnit, where our
// interprocedural checks build their call-chain index. With
// --enable-check-profile the driver also times the whole of the checks'
// consumer against the front end that precedes it.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_DRIVER_CHECKCOSTTIMER_H
#define ASYNC_TIDY_DRIVER_CHECKCOSTTIMER_H

#include "clang/AST/ASTConsumer.h"
#include "llvm/ADT/StringRef.h"
#include <memory>
#include <vector>

namespace async_tidy {

/// Wraps \p Checks in consumers that time the front end (from now to the
/// end of the translation unit) and the checks' work at the end of the TU
/// (AST walk, match callbacks, end-of-TU analysis), and print both for
/// \p File on stderr when the checks are done.
std::vector<std::unique_ptr<clang::ASTConsumer>>
timeCheckCost(llvm::StringRef File,
              std::vector<std::unique_ptr<clang::ASTConsumer>> Checks);

} // namespace async_tidy

#endif // ASYNC_TIDY_DRIVER_CHECKCOSTTIMER_H

//===--- CrossFileCalls.h - Calls to functions of other files -------------===//
//
// What the checks that follow calls across files share: looking a call's
// callee up in the project index (model/ProjectIndex.h) once per callee, and
// the notes that walk a finding through the other files.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_CHECKS_COMMON_CROSSFILECALLS_H
#define ASYNC_TIDY_CHECKS_COMMON_CROSSFILECALLS_H

#include "checks/model/AsyncModel.h"
#include "checks/model/ProjectIndex.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/FunctionExtras.h"
#include <optional>
#include <string>

namespace clang::tidy::async {

class CrossFileCallees {
public:
  /// What calling \p Call's callee leads to that \p Check reports, when the
  /// callee is defined in another file (it has no body here) and the
  /// model's project index knows it.
  const model::CrossFileEffect *lookup(const CallExpr &Call,
                                       llvm::StringRef Check,
                                       const model::AsyncModel &Model);
  void clear() { Callees.clear(); }

private:
  llvm::DenseMap<const FunctionDecl *, std::optional<model::CrossFileEffect>>
      Callees;
};

/// Where the last step of \p Effect makes its call: 'repository.cpp:41'.
std::string lastStepPlace(const model::CrossFileEffect &Effect);

/// 'repository.cpp:41'.
std::string crossFilePlace(llvm::StringRef File, unsigned Line);

/// \p Line and \p Column of \p File, loaded into \p SM when the
/// translation unit did not read it; invalid when it cannot be read.
SourceLocation crossFileLocation(SourceManager &SM, llvm::StringRef File,
                                 unsigned Line, unsigned Column);

/// One note per function on the way, at the call it makes in its own file
/// (loaded into \p SM when the translation unit did not read it; at
/// \p Fallback when it cannot be read): "'flush' in repository.cpp:41
/// calls 'write'", the last one "... <LastVerb> '<what>'".
void emitCrossFileSteps(
    SourceManager &SM, const model::CrossFileEffect &Effect,
    llvm::StringRef LastVerb, SourceLocation Fallback,
    llvm::function_ref<void(SourceLocation, llvm::StringRef)> Note);

} // namespace clang::tidy::async

#endif // ASYNC_TIDY_CHECKS_COMMON_CROSSFILECALLS_H

//===--- ContextDescription.h - Explaining why code is async context ------===//
//
// The words every check uses to say where a finding stands ("inside
// coroutine 'serve'", "inside a lambda run by 'boost::asio::post'") and the
// notes that show the way there: where a handler is scheduled and each call
// from the root to the finding.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_CHECKS_MODEL_CONTEXTDESCRIPTION_H
#define ASYNC_TIDY_CHECKS_MODEL_CONTEXTDESCRIPTION_H

#include "AsyncContext.h"
#include "clang/Basic/Diagnostic.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include <string>

namespace clang::tidy::async::model {

/// "serve", "Session::on_read"; empty for a lambda.
std::string callableName(const FunctionDecl &Callable);

/// Where code runs, for the end of "... inside <description>":
/// "coroutine 'serve'", "a lambda run by 'boost::asio::post'",
/// "'load', called from coroutine 'serve'".
std::string describeContext(const AsyncPath &Path,
                            const FunctionDecl &Callable);

using NoteEmitter =
    llvm::function_ref<void(SourceLocation Loc, llvm::StringRef Message)>;

/// One note where the root is scheduled (if it is) and one per call on the
/// way to the finding.
void emitContextNotes(const AsyncPath &Path, NoteEmitter Note);

} // namespace clang::tidy::async::model

#endif // ASYNC_TIDY_CHECKS_MODEL_CONTEXTDESCRIPTION_H

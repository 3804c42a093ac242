//===--- WorkerServe.h - A worker that analyzes file after file -----------===//
//
// `async-tidy --worker-serve --worker-output=<json> [options] [-- flags]`
// starts a worker that takes files in turn from the process that started it
// (ServingWorker.h), instead of one process per file: the -j pool saves a
// process start per file, and the language server's workers keep the
// preambles and last findings of the files they analyzed (EditorCaches.h).
//
// The protocol, on file descriptor 3 (a socket), one line per message:
//   parent: {"file": F, "contents": C, "preamble": true,
//            "declarations": true}
//           analyze F (with C's text, if given) as `async-tidy
//           --worker-contents=C [options] F [-- flags]` would; keep and
//           reuse preambles, and the findings of declarations, if asked
//   worker: start                          the request was taken
//           done STATUS [reused] [partial K/N] [exiting]
//                                          the result is in the output
//                                          file; STATUS is the exit status
//                                          that command would have; the
//                                          preamble was reused; K of the
//                                          file's N declarations were
//                                          parsed, the others' findings
//                                          kept; the worker ends now (over
//                                          its memory limit)
//           preamble 1|0                   after a preamble build: whether
//                                          a usable preamble is in memory
// What the analyses print goes to standard output and error, as before.
// Its end of the socket closed, the worker exits.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_DRIVER_WORKERSERVE_H
#define ASYNC_TIDY_DRIVER_WORKERSERVE_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLFunctionalExtras.h"

namespace async_tidy {

struct EditorCaches;

/// The flag that starts a serving worker; the parent adds it.
inline constexpr const char *ServeFlag = "--worker-serve";
/// A serving worker ends after the analysis that leaves more than this
/// much memory in use: "--worker-memory-limit=<MiB>".
inline constexpr const char *MemoryLimitFlag = "--worker-memory-limit=";

/// Whether \p Argv starts a serving worker.
bool isServingWorker(llvm::ArrayRef<const char *> Argv);

/// Runs the protocol above until the parent closes its end. \p AnalyzeOne
/// analyzes a file given its whole command line; preambles and findings are
/// kept in \p Caches when the request asks for it, else it is null.
int serveParentProcess(llvm::ArrayRef<const char *> Argv,
                       llvm::function_ref<int(llvm::ArrayRef<const char *> Args,
                                              EditorCaches *Caches)>
                           AnalyzeOne);

} // namespace async_tidy

#endif // ASYNC_TIDY_DRIVER_WORKERSERVE_H

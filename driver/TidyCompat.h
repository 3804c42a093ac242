//===--- TidyCompat.h - clang-tidy library calls across LLVM releases -----===//
//
// LLVM 22 added an ExperimentalCustomChecks flag to the check-listing calls
// and moved the ownership of diagnostic options into ClangTidyContext; LLVM
// 20 and 21 changed how a compile's diagnostics engine is made. The driver
// calls these wrappers; nothing else differs between the releases we build
// against.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_DRIVER_TIDYCOMPAT_H
#define ASYNC_TIDY_DRIVER_TIDYCOMPAT_H

#include "clang-tidy/ClangTidy.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/DiagnosticOptions.h"
#include "clang/Frontend/CompilerInstance.h"
#include "llvm/Config/llvm-config.h"

namespace async_tidy {

inline std::vector<std::string>
enabledChecks(const clang::tidy::ClangTidyOptions &Options) {
#if LLVM_VERSION_MAJOR >= 22
  return clang::tidy::getCheckNames(Options, false, false);
#else
  return clang::tidy::getCheckNames(Options, false);
#endif
}

inline clang::tidy::ClangTidyOptions::OptionMap
effectiveCheckOptions(const clang::tidy::ClangTidyOptions &Options) {
#if LLVM_VERSION_MAJOR >= 22
  return clang::tidy::getCheckOptions(Options, false, false);
#else
  return clang::tidy::getCheckOptions(Options, false);
#endif
}

inline llvm::IntrusiveRefCntPtr<clang::DiagnosticIDs> newDiagnosticIDs() {
#if LLVM_VERSION_MAJOR >= 22
  return clang::DiagnosticIDs::create();
#else
  return llvm::makeIntrusiveRefCnt<clang::DiagnosticIDs>();
#endif
}

/// A diagnostics engine that reports to \p Consumer, installed as
/// \p Context's engine; it must outlive the analysis. \p IDs, if given,
/// numbers the checks' diagnostics: the context keeps their check names by
/// number, so a second parse with the same context must use the same IDs.
inline std::unique_ptr<clang::DiagnosticsEngine> installDiagnosticsEngine(
    clang::tidy::ClangTidyContext &Context, clang::DiagnosticConsumer &Consumer,
    llvm::IntrusiveRefCntPtr<clang::DiagnosticIDs> IDs = nullptr) {
  if (!IDs)
    IDs = newDiagnosticIDs();
#if LLVM_VERSION_MAJOR >= 22
  auto Options = std::make_unique<clang::DiagnosticOptions>();
  auto Engine = std::make_unique<clang::DiagnosticsEngine>(
      std::move(IDs), *Options, &Consumer, /*ShouldOwnClient=*/false);
  Context.setDiagnosticsEngine(std::move(Options), Engine.get());
#else
  auto Engine = std::make_unique<clang::DiagnosticsEngine>(
      std::move(IDs), new clang::DiagnosticOptions(), &Consumer,
      /*ShouldOwnClient=*/false);
  Context.setDiagnosticsEngine(Engine.get());
#endif
  return Engine;
}

/// A diagnostics engine for a compile of \p Invocation outside clang-tidy
/// (a preamble's build) that reports to \p Consumer.
inline llvm::IntrusiveRefCntPtr<clang::DiagnosticsEngine>
makeCompileDiagnostics(clang::CompilerInvocation &Invocation,
                       [[maybe_unused]] llvm::vfs::FileSystem &VFS,
                       clang::DiagnosticConsumer &Consumer) {
#if LLVM_VERSION_MAJOR >= 21
  return clang::CompilerInstance::createDiagnostics(
      VFS, Invocation.getDiagnosticOpts(), &Consumer, false);
#elif LLVM_VERSION_MAJOR == 20
  return clang::CompilerInstance::createDiagnostics(
      VFS, &Invocation.getDiagnosticOpts(), &Consumer, false);
#else
  return clang::CompilerInstance::createDiagnostics(
      &Invocation.getDiagnosticOpts(), &Consumer, false);
#endif
}

} // namespace async_tidy

#endif // ASYNC_TIDY_DRIVER_TIDYCOMPAT_H

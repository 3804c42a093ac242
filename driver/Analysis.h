//===--- Analysis.h - Analyze one translation unit in this process --------===//

#ifndef ASYNC_TIDY_DRIVER_ANALYSIS_H
#define ASYNC_TIDY_DRIVER_ANALYSIS_H

#include "WorkerResult.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/VirtualFileSystem.h"
#include <memory>
#include <optional>
#include <string>

namespace async_tidy {

struct EditorCaches;

struct AnalysisRequest {
  std::string File;
  /// The file's text when it differs from the disk (an unsaved buffer).
  std::optional<std::string> Contents;
  /// Fixes found in notes become the diagnostic's fix (clang-tidy --fix).
  bool FixesFromNotes = false;
  bool EnableCheckProfile = false;
  /// With EnableCheckProfile: a directory to store the profile in as JSON
  /// instead of printing it.
  std::string StoreCheckProfile;
  /// Record what the translation unit tells the others (Result.Summary).
  bool RecordSummary = false;
  /// Preambles and findings kept across the analyses of a long-lived
  /// worker (the language server's); none: every analysis parses all.
  EditorCaches *Editor = nullptr;
};

/// Runs the enabled checks on one file, reading files through \p FS.
/// Compile errors are part of the result (Failed is set), not an error of
/// this function.
WorkerResult
analyze(const clang::tooling::CompilationDatabase &Database,
        std::unique_ptr<clang::tidy::ClangTidyOptionsProvider> Options,
        llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS,
        const AnalysisRequest &Request);

} // namespace async_tidy

#endif // ASYNC_TIDY_DRIVER_ANALYSIS_H

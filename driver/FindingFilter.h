//===--- FindingFilter.h - Which findings a run reports -------------------===//

#ifndef ASYNC_TIDY_DRIVER_FINDINGFILTER_H
#define ASYNC_TIDY_DRIVER_FINDINGFILTER_H

#include "Baseline.h"
#include "ChangedLines.h"
#include "LineTable.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "llvm/ADT/StringSet.h"
#include <optional>
#include <vector>

namespace async_tidy {

/// Drops what a run must not report: a header's finding already reported
/// through another file, findings outside the changed lines, and findings
/// the baseline records. Counts what it keeps and hides.
class FindingFilter {
public:
  FindingFilter(Baseline Known, std::optional<ChangedLines> Changed,
                bool KeepForBaseline)
      : Known(std::move(Known)), Changed(std::move(Changed)),
        KeepForBaseline(KeepForBaseline) {}

  std::vector<clang::tidy::ClangTidyError>
  filter(std::vector<clang::tidy::ClangTidyError> Errors);

  unsigned warnings() const { return Warnings; }
  unsigned hidden() const { return Hidden; }
  /// A check option was invalid (clang-tidy reports it as a diagnostic).
  bool badConfiguration() const { return BadConfig; }
  /// Every finding before the baseline and changed lines (--write-baseline).
  const std::vector<clang::tidy::ClangTidyError> &allFindings() const {
    return AllFindings;
  }
  const Baseline &baseline() const { return Known; }
  LineTable &lines() { return Lines; }

private:
  bool onChangedLine(const clang::tidy::ClangTidyError &Error);

  Baseline Known;
  std::optional<ChangedLines> Changed;
  bool KeepForBaseline;
  LineTable Lines;
  llvm::StringSet<> Reported;
  std::vector<clang::tidy::ClangTidyError> AllFindings;
  unsigned Warnings = 0, Hidden = 0;
  bool BadConfig = false;
};

} // namespace async_tidy

#endif // ASYNC_TIDY_DRIVER_FINDINGFILTER_H

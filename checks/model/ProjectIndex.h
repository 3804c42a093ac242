//===--- ProjectIndex.h - Calls followed across translation units ---------===//
//
// The summaries of every translation unit of a project (Summaries.h), joined:
// for each check, the functions that reach something the check reports in
// async context, by the shortest way through the project's calls, whatever
// file each step is in. The driver builds it between the first pass over the
// project and the second; the checks read it through the shared option
// SummaryIndex (a file), so the plugin can use one too.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_CHECKS_MODEL_PROJECTINDEX_H
#define ASYNC_TIDY_CHECKS_MODEL_PROJECTINDEX_H

#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/JSON.h"
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace clang::tidy::async::model {

/// One function on the way from a call to what a check reports.
struct CrossFileStep {
  std::string Function; // its name
  std::string File;     // where the step's call stands
  unsigned Line = 0, Column = 0;
  std::string Callee; // the next function's name; empty at the last step
};

struct CrossFileEffect {
  /// What the last step calls: 'std::future::get'.
  std::string What;
  /// Steps.front() is in the function called; Steps.back() makes the call.
  std::vector<CrossFileStep> Steps;
};

class ProjectIndex {
public:
  /// Joins translation unit summaries (SummaryRecorder::toJson); a summary
  /// of another version is skipped. Chains longer than \p MaxSteps are not
  /// kept.
  static ProjectIndex build(llvm::ArrayRef<const llvm::json::Value *> Summaries,
                            unsigned MaxSteps);

  llvm::json::Value toJson() const;
  static llvm::Expected<ProjectIndex> fromJson(const llvm::json::Value &Json);

  /// The index in \p Path, read once while the file is unchanged.
  static llvm::Expected<std::shared_ptr<const ProjectIndex>>
  load(llvm::StringRef Path);

  /// The shortest way by which calling the function \p Usr does what
  /// \p Check reports, if it takes at most \p MaxSteps functions.
  std::optional<CrossFileEffect>
  effect(llvm::StringRef Check, llvm::StringRef Usr, unsigned MaxSteps) const;

  /// Everything the index says about calling \p Usr, as text: empty when it
  /// says nothing. A caller's findings change only when this does.
  std::string describe(llvm::StringRef Usr) const;

  size_t size() const;

private:
  struct Function {
    std::string Name, File;
    unsigned Line = 0;
  };
  /// What calling a function leads to, for one check: the call in it that
  /// reports (What) or that leads on (Next).
  struct Reach {
    std::string File;
    unsigned Line = 0, Column = 0;
    unsigned Steps = 1;
    std::string Next; // a USR; empty when What is set
    std::string What;
  };
  llvm::StringMap<Function> Functions;
  /// Check name to USR to reach.
  llvm::StringMap<llvm::StringMap<Reach>> Reaches;
};

} // namespace clang::tidy::async::model

#endif // ASYNC_TIDY_CHECKS_MODEL_PROJECTINDEX_H

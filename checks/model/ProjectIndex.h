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

/// What a function of another file does with the argument for one of its
/// parameters: work it detaches refers to it (the caller's argument must
/// outlive the work), or it is a timer the function disarms, leaves armed
/// or arms as a timeout.
struct CrossFileParameter {
  unsigned Index = 0;
  /// Another parameter the effect involves: the executor the detached work
  /// runs on; the object a timeout armed on this timer cancels.
  std::optional<unsigned> Related;
  /// The parameter is a callable the function detaches as the work.
  bool Callable = false;
  /// How the work refers to it: 'it is captured by reference in'; what the
  /// function does with a timer: 'disarms', 'keeps armed', 'arms'.
  std::string How;
  /// The call that detaches the work ('std::thread::detach'), the function
  /// that makes it, and where.
  std::string What, Function, File;
  unsigned Line = 0, Column = 0;
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

  /// The parameters of the function \p Usr whose arguments \p Check
  /// judges at each call, in parameter order.
  llvm::ArrayRef<CrossFileParameter> parameters(llvm::StringRef Check,
                                                llvm::StringRef Usr) const;

  /// What the index says about where calling \p Usr leads, as text: empty
  /// when it says nothing. A caller's findings in async context change only
  /// when this does.
  std::string describe(llvm::StringRef Usr) const;
  /// The same for the parameters of \p Usr, which change the findings at
  /// calls that pass arguments to them.
  std::string describeParameters(llvm::StringRef Usr) const;

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
  /// Check name to USR to parameters.
  llvm::StringMap<llvm::StringMap<std::vector<CrossFileParameter>>> Parameters;
};

} // namespace clang::tidy::async::model

#endif // ASYNC_TIDY_CHECKS_MODEL_PROJECTINDEX_H

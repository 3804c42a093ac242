//===--- Summaries.h - What a translation unit tells the others -----------===//
//
// Calls are followed within a translation unit by AsyncContextIndex. To
// follow them into other files, each TU records a summary of its own code:
// the functions it defines (keyed by USR), the calls between functions, and
// for each check the calls it would report in async context that stand in
// those functions, whatever calls them. The driver joins the summaries of a
// project into a ProjectIndex (ProjectIndex.h), which the checks then read.
//
// Recording happens only when the driver installs a recorder for the
// analysis running in this process; the plugin never records.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_CHECKS_MODEL_SUMMARIES_H
#define ASYNC_TIDY_CHECKS_MODEL_SUMMARIES_H

#include "AsyncContext.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/JSON.h"
#include <optional>
#include <set>
#include <string>

namespace clang::tidy::async::model {

/// The version of the summary and index formats; a summary of another
/// version is not read.
inline constexpr int SummaryVersion = 1;

/// The USR of \p Callable, empty when Clang cannot make one.
std::string usrOf(const FunctionDecl &Callable);

class SummaryRecorder {
public:
  /// Records the calls of the TU's own functions to other functions of the
  /// project (once per TU: the first check to end it brings them), and the
  /// functions of other files \p Index finds called from async context
  /// (Index is one check's view; the summary keeps the union).
  void addContext(const AsyncContextIndex &Index, const AsyncModel &Model,
                  const SourceManager &SM);
  bool hasCalls() const { return CallsRecorded; }

  /// Records a function of another file called where a check would judge
  /// what it does, though no root of the async context reaches the call.
  void addAsyncCallee(const FunctionDecl &Callee);

  /// Records a function of another file whose parameter effects (below)
  /// would change a finding at a call here.
  void addParameterCallee(const FunctionDecl &Callee);

  /// \p Check reports \p Call, which stands in \p Callable, as \p What in
  /// any async context.
  void addEffect(llvm::StringRef Check, const FunctionDecl &Callable,
                 const Expr &Call, llvm::StringRef What,
                 const AsyncModel &Model, const SourceManager &SM);

  /// What \p Callable does with the caller's argument for parameter
  /// \p Param that \p Check judges at its calls. For
  /// async-detached-dangling-reference: work detached at \p At (named
  /// \p What) refers to it as \p How says, or, when \p IsCallable, is the
  /// argument itself; the work runs on the executor passed as parameter
  /// \p Related, if any. For async-undisposed-timeout: \p How says whether
  /// it disarms the timer (of type \p What) given there, or arms it as a
  /// timeout that cancels the object passed as parameter \p Related.
  void addParameterEffect(llvm::StringRef Check, const FunctionDecl &Callable,
                          unsigned Param, std::optional<unsigned> Related,
                          bool IsCallable, llvm::StringRef How,
                          llvm::StringRef What, SourceLocation At,
                          const AsyncModel &Model, const SourceManager &SM);

  /// A parameter of \p From passed on as an argument to \p To.
  struct PassedParameter {
    unsigned From, To;
    std::string Name; // of To's parameter
  };
  /// \p From passes its own reference parameters on to \p To, a function
  /// of another file, at \p Call: \p Check follows \p To's parameter
  /// effects back to \p From's callers. \p Joined: \p To's parameters
  /// whose argument \p From waits for (an executor it runs).
  void addParameterCall(llvm::StringRef Check, const FunctionDecl &From,
                        const FunctionDecl &To,
                        llvm::ArrayRef<PassedParameter> Passed,
                        llvm::ArrayRef<unsigned> Joined, const Expr &Call,
                        const AsyncModel &Model, const SourceManager &SM);

  /// {"version", "functions": {usr: {name, file?, line?, column?}},
  ///  "calls": [{from, to, file, line, column}],
  ///  "effects": [{check, usr, what, file, line, column}],
  ///  "parameterEffects": [{check, usr, param, related?, callable?, how,
  ///  what, file,
  ///  line, column}], "parameterCalls": [{check, from, to, passed:
  ///  [{from, to, name}], joined: [to], file, line, column}],
  ///  "asyncCalls": [usr], "parameterCallees": [usr]}; a
  /// function without a file is defined in another translation unit.
  llvm::json::Value toJson() const;

private:
  /// The USR of a function whose calls may be followed from other files,
  /// registering it; empty for one that is not (a coroutine or a function
  /// declared async runs as its own async work; a template is defined in a
  /// header, where its callers see its body).
  llvm::StringRef caller(const FunctionDecl &Callable, const AsyncModel &Model,
                         const SourceManager &SM);
  void addCalls(const AsyncContextIndex &Index, const AsyncModel &Model,
                const SourceManager &SM);
  /// The USR of a called function, registering its name.
  llvm::StringRef callee(const FunctionDecl &Callable);

  struct Place {
    std::string File;
    unsigned Line = 0, Column = 0;
  };
  static Place placeOf(SourceLocation Loc, const SourceManager &SM);

  struct Function {
    std::string Name;
    Place Definition; // no file: defined in another translation unit
  };
  llvm::DenseMap<const FunctionDecl *, std::string> Usrs;
  llvm::StringMap<Function> Functions;
  struct Call {
    std::string From, To;
    Place At;
  };
  std::vector<Call> Calls;
  struct Effect {
    std::string Check, Usr, What;
    Place At;
  };
  std::vector<Effect> Effects;
  struct ParameterEffect {
    std::string Check, Usr;
    unsigned Param;
    std::optional<unsigned> Related;
    bool IsCallable;
    std::string How, What;
    Place At;
  };
  std::vector<ParameterEffect> ParameterEffects;
  struct ParameterCall {
    std::string Check, From, To;
    std::vector<PassedParameter> Passed;
    std::vector<unsigned> Joined;
    Place At;
  };
  std::vector<ParameterCall> ParameterCalls;
  std::set<std::string> AsyncCallees, ParameterCallees;
  bool CallsRecorded = false;
};

/// The recorder of the analysis running in this process, or null.
SummaryRecorder *activeSummaryRecorder();

/// Installs \p Recorder for the lifetime of this object.
class RecordSummaries {
public:
  explicit RecordSummaries(SummaryRecorder &Recorder);
  ~RecordSummaries();
  RecordSummaries(const RecordSummaries &) = delete;
  RecordSummaries &operator=(const RecordSummaries &) = delete;

private:
  SummaryRecorder *Previous;
};

} // namespace clang::tidy::async::model

#endif // ASYNC_TIDY_CHECKS_MODEL_SUMMARIES_H

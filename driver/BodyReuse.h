//===--- BodyReuse.h - After an edit in a body, parse what it reaches -----===//
//
// With the include block in a preamble, an edit still costs the parse of
// the whole main file, and in Asio code most of that is instantiating the
// library's templates for every handler and coroutine of the file. After an
// edit inside one function body, a worker of the language server parses
// again only the declarations connected to it (DeclarationUnits.h): the
// edited one, those it refers to, those that refer to them, and so on,
// through references, dependent names and the notes of the last findings.
// The bodies of the others are skipped (FrontendOptions::SkipFunctionBodies)
// and their findings are those of the last analysis, moved by the edit.
//
// The include block must come from the preamble, which sees a changed
// header, and the file include nothing after its first declaration.
//
// The checks read other bodies only through references (the callees and
// callers they follow, a class's members), so a finding depends only on its
// connected part of the file. When the parse does not find the file as
// planned (the edit changed its top-level structure, or the edited body now
// refers to a skipped declaration) the worker parses everything again.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_DRIVER_BODYREUSE_H
#define ASYNC_TIDY_DRIVER_BODYREUSE_H

#include "DeclarationUnits.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang/AST/ASTConsumer.h"
#include "llvm/ADT/BitVector.h"
#include "llvm/ADT/StringRef.h"
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace async_tidy {

class BodyReuse {
public:
  /// Before the parse of \p File, whose text is \p Contents, with the
  /// compile command \p Command. \p MaySkip: the include block comes from
  /// a preamble and only our checks run.
  void begin(llvm::StringRef File, llvm::StringRef Contents,
             llvm::StringRef Command, bool MaySkip);

  /// Whether the parse begun skips bodies.
  bool skipping() const { return Now.Active && Now.Skip.any(); }

  /// For the parse begun: skips the planned bodies and describes the file.
  std::unique_ptr<clang::ASTConsumer> consumer();

  /// After the parse begun: \p Errors (with absolute paths) become the
  /// whole file's, those of skipped declarations coming from the analysis
  /// before. False when the parse did not find the file as planned: then
  /// the next parse skips nothing.
  bool finish(std::vector<clang::tidy::ClangTidyError> &Errors);

  /// Units parsed and units in all, when the last parse skipped some.
  std::optional<std::pair<unsigned, unsigned>> lastReach() const {
    return LastReach;
  }

  /// What one analysis of a file leaves for the next.
  struct FileState {
    std::string Command, Contents;
    std::vector<DeclarationUnit> Units;
    std::vector<clang::tidy::ClangTidyError> Errors;
    /// A diagnostic outside the file (a compile error in a header, a
    /// finding in a header's template that a skipped body instantiates):
    /// the findings kept are only the file's, so nothing is skipped.
    bool FindingsElsewhere = false;
  };

  /// The parse under way.
  struct Analysis {
    bool Active = false;
    std::string File, Command, Contents;
    /// The edit, in the old text: [ChangeBegin, ChangeEnd) became
    /// ChangeEnd - ChangeBegin + Delta bytes.
    unsigned ChangeBegin = 0, ChangeEnd = 0;
    long Delta = 0;
    unsigned Edited = 0;
    /// The units expected, moved by the edit; the ones to skip; those
    /// whose findings are the analysis before's: the skipped ones, and the
    /// ones without code that a skipped one refers to (still in use, if
    /// the edit took away its other uses).
    std::vector<DeclarationUnit> Units;
    llvm::BitVector Skip, KeepOld;
    /// What the parse found, and whether it is what was planned.
    std::vector<DeclarationUnit> Found;
    bool AsPlanned = true;
  };

private:
  void plan(const FileState &Old);

  std::map<std::string, FileState> ByFile;
  Analysis Now;
  bool RetryWhole = false;
  std::optional<std::pair<unsigned, unsigned>> LastReach;
};

} // namespace async_tidy

#endif // ASYNC_TIDY_DRIVER_BODYREUSE_H

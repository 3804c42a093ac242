//===--- CrossFileCalls.cpp -----------------------------------------------===//

#include "CrossFileCalls.h"
#include "checks/model/Summaries.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/Support/Path.h"

namespace clang::tidy::async {

const model::CrossFileEffect *
CrossFileCallees::lookup(const CallExpr &Call, llvm::StringRef Check,
                         const model::AsyncModel &Model) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  // A function defined here is followed within the translation unit.
  if (!Callee || Callee->hasBody() || !Model.projectIndex())
    return nullptr;
  auto [It, Inserted] = Callees.try_emplace(Callee->getCanonicalDecl());
  if (Inserted) {
    std::string Usr = model::usrOf(*Callee);
    if (!Usr.empty())
      It->second =
          Model.projectIndex()->effect(Check, Usr, Model.maxCallDepth());
  }
  std::optional<model::CrossFileEffect> &Effect = It->second;
  return Effect ? &*Effect : nullptr;
}

static std::string place(llvm::StringRef File, unsigned Line) {
  return (llvm::sys::path::filename(File) + ":" + llvm::Twine(Line)).str();
}

std::string lastStepPlace(const model::CrossFileEffect &Effect) {
  const model::CrossFileStep &Last = Effect.Steps.back();
  return place(Last.File, Last.Line);
}

/// \p Line and \p Column of \p File, loading the file when the translation
/// unit did not read it; invalid when it cannot be read.
static SourceLocation locationIn(SourceManager &SM, llvm::StringRef File,
                                 unsigned Line, unsigned Column) {
  llvm::Expected<FileEntryRef> Entry =
      SM.getFileManager().getFileRef(File, /*OpenFile=*/true);
  if (!Entry) {
    llvm::consumeError(Entry.takeError());
    return {};
  }
  FileID ID = SM.translateFile(*Entry);
  if (ID.isInvalid())
    ID = SM.createFileID(*Entry, SourceLocation(), SrcMgr::C_User);
  return SM.translateLineCol(ID, Line, std::max(Column, 1U));
}

void emitCrossFileSteps(
    SourceManager &SM, const model::CrossFileEffect &Effect,
    llvm::StringRef LastVerb, SourceLocation Fallback,
    llvm::function_ref<void(SourceLocation, llvm::StringRef)> Note) {
  for (const model::CrossFileStep &Step : Effect.Steps) {
    std::string Text =
        "'" + Step.Function + "' in " + place(Step.File, Step.Line) + " ";
    Text += Step.Callee.empty() ? (LastVerb + " '" + Effect.What + "'").str()
                                : "calls '" + Step.Callee + "'";
    SourceLocation Loc = locationIn(SM, Step.File, Step.Line, Step.Column);
    Note(Loc.isValid() ? Loc : Fallback, Text);
  }
}

} // namespace clang::tidy::async

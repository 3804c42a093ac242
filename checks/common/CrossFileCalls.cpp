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

std::string crossFilePlace(llvm::StringRef File, unsigned Line) {
  return (llvm::sys::path::filename(File) + ":" + llvm::Twine(Line)).str();
}

std::string lastStepPlace(const model::CrossFileEffect &Effect) {
  const model::CrossFileStep &Last = Effect.Steps.back();
  return crossFilePlace(Last.File, Last.Line);
}

SourceLocation crossFileLocation(SourceManager &SM, llvm::StringRef File,
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
    std::string Text = "'" + Step.Function + "' in " +
                       crossFilePlace(Step.File, Step.Line) + " ";
    Text += Step.Callee.empty() ? (LastVerb + " '" + Effect.What + "'").str()
                                : "calls '" + Step.Callee + "'";
    SourceLocation Loc =
        crossFileLocation(SM, Step.File, Step.Line, Step.Column);
    Note(Loc.isValid() ? Loc : Fallback, Text);
  }
}

} // namespace clang::tidy::async

//===--- BodyReuse.cpp ----------------------------------------------------===//

#include "BodyReuse.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Path.h"

using namespace clang;
using namespace clang::tidy;
using namespace llvm;

namespace async_tidy {

namespace {

std::string cleanPath(StringRef Path) {
  SmallString<256> Clean(Path);
  sys::path::remove_dots(Clean, /*remove_dot_dot=*/true);
  return std::string(Clean);
}

/// The units connected to \p From: by a reference either way, a dependent
/// name and a declaration of that name, or one of \p Links (a finding's
/// unit and a unit its notes point into). A unit without code is reached
/// from those that refer to it but leads on only to what it refers to.
BitVector connected(ArrayRef<DeclarationUnit> Units, unsigned From,
                    ArrayRef<std::pair<unsigned, unsigned>> Links) {
  std::vector<std::vector<unsigned>> Adjacent(Units.size());
  // A refers to B.
  auto Link = [&](unsigned A, unsigned B) {
    Adjacent[A].push_back(B);
    if (Units[B].HasCode)
      Adjacent[B].push_back(A);
  };
  StringMap<std::vector<unsigned>> Declaring;
  for (unsigned I = 0; I < Units.size(); ++I)
    for (const std::string &Name : Units[I].Declares)
      Declaring[Name].push_back(I);
  for (unsigned I = 0; I < Units.size(); ++I) {
    for (unsigned Used : Units[I].Uses)
      Link(I, Used);
    for (const std::string &Name : Units[I].DependentNames) {
      auto It = Declaring.find(Name);
      if (It != Declaring.end())
        for (unsigned Declarer : It->second)
          Link(I, Declarer);
    }
  }
  for (auto [A, B] : Links)
    Link(A, B);
  BitVector Reached(Units.size());
  std::vector<unsigned> Work{From};
  Reached.set(From);
  while (!Work.empty()) {
    unsigned Unit = Work.back();
    Work.pop_back();
    for (unsigned Next : Adjacent[Unit])
      if (!Reached.test(Next)) {
        Reached.set(Next);
        Work.push_back(Next);
      }
  }
  return Reached;
}

/// Whether the edit can be confined to the body it is in: it leaves the
/// brackets balanced as they were and writes no preprocessor directive,
/// which could change the text after it.
bool confinable(StringRef Removed, StringRef Inserted) {
  if (Removed.contains('#') || Inserted.contains('#'))
    return false;
  for (auto [Open, Close] :
       {std::pair('{', '}'), std::pair('(', ')'), std::pair('[', ']')})
    if (Removed.count(Open) - Removed.count(Close) !=
        Inserted.count(Open) - Inserted.count(Close))
      return false;
  return true;
}

/// Pairs of a finding's unit and a unit its notes point into: the finding
/// read that unit too.
std::vector<std::pair<unsigned, unsigned>>
noteLinks(const BodyReuse::FileState &Old, StringRef File) {
  std::vector<std::pair<unsigned, unsigned>> Links;
  for (const ClangTidyError &Error : Old.Errors) {
    if (cleanPath(Error.Message.FilePath) != File)
      continue;
    std::optional<unsigned> At = unitAt(Old.Units, Error.Message.FileOffset);
    for (const tooling::DiagnosticMessage &Note : Error.Notes) {
      std::optional<unsigned> Noted = unitAt(Old.Units, Note.FileOffset);
      if (cleanPath(Note.FilePath) == File && At && Noted)
        Links.emplace_back(*At, *Noted);
    }
  }
  return Links;
}

/// Whether a finding of a unit in \p Kept names a place in \p File in its
/// text ("lambda at file.cpp:39:30"), which the edit would not move.
bool namesPlaceIn(const BodyReuse::FileState &Old, StringRef File,
                  const BitVector &Kept) {
  std::string Place = (sys::path::filename(File) + ":").str();
  auto Names = [&](const tooling::DiagnosticMessage &Message) {
    return StringRef(Message.Message).contains(Place);
  };
  return llvm::any_of(Old.Errors, [&](const ClangTidyError &Error) {
    std::optional<unsigned> At = unitAt(Old.Units, Error.Message.FileOffset);
    return cleanPath(Error.Message.FilePath) == File && At && Kept.test(*At) &&
           (Names(Error.Message) || llvm::any_of(Error.Notes, Names));
  });
}

/// Whether \p Text includes a file after \p From: one outside the
/// preamble, whose change since the last analysis nothing would see.
bool includesAfter(StringRef Text, size_t From) {
  SmallVector<StringRef, 0> Lines;
  Text.substr(From).split(Lines, '\n');
  return llvm::any_of(Lines, [](StringRef Line) {
    Line = Line.ltrim();
    if (!Line.consume_front("#"))
      return false;
    Line = Line.ltrim();
    return Line.starts_with("include") || Line.starts_with("import");
  });
}

/// Skips the bodies of the planned units and describes what it parsed.
class PlannedParse : public ASTConsumer {
public:
  explicit PlannedParse(BodyReuse::Analysis &Now) : Now(Now) {}

  void Initialize(ASTContext &Context) override {
    SM = &Context.getSourceManager();
  }

  bool shouldSkipFunctionBody(Decl *D) override {
    if (!Now.Skip.any())
      return false;
    SourceLocation At = SM->getExpansionLoc(D->getLocation());
    if (!SM->isInMainFile(At))
      return false;
    std::optional<unsigned> Unit = unitAt(Now.Units, SM->getFileOffset(At));
    return Unit && Now.Skip.test(*Unit);
  }

  void HandleTranslationUnit(ASTContext &Context) override {
    std::vector<TextRange> Extents = unitExtents(Context);
    if (!Now.Skip.any()) {
      Now.Found.resize(Extents.size());
      for (unsigned I = 0; I < Extents.size(); ++I)
        Now.Found[I].Extent = Extents[I];
      describeUnits(Context, Now.Found, BitVector(Extents.size(), true));
      return;
    }
    // A skipped body leaves its function's extent short of the body.
    Now.AsPlanned = Extents.size() == Now.Units.size();
    for (unsigned I = 0; Now.AsPlanned && I < Extents.size(); ++I)
      Now.AsPlanned =
          Extents[I].first == Now.Units[I].Extent.first &&
          (Now.Skip.test(I) || Extents[I].second == Now.Units[I].Extent.second);
    if (!Now.AsPlanned)
      return;
    Now.Found = Now.Units;
    BitVector Parsed = Now.Skip;
    Parsed.flip();
    for (unsigned I : Parsed.set_bits()) {
      Now.Found[I] = DeclarationUnit();
      Now.Found[I].Extent = Now.Units[I].Extent;
    }
    describeUnits(Context, Now.Found, Parsed);
    // The edited body may now refer to a declaration it was not connected
    // to, whose body was skipped.
    Now.AsPlanned = !connected(Now.Found, Now.Edited, {}).anyCommon(Now.Skip);
  }

private:
  BodyReuse::Analysis &Now;
  SourceManager *SM = nullptr;
};

} // namespace

void BodyReuse::begin(StringRef File, StringRef Contents, StringRef Command,
                      bool MaySkip) {
  Now = Analysis();
  Now.Active = true;
  Now.File = cleanPath(File);
  Now.Command = Command.str();
  Now.Contents = Contents.str();
  LastReach.reset();
  if (!MaySkip || RetryWhole) {
    RetryWhole = false;
    return;
  }
  auto It = ByFile.find(Now.File);
  if (It != ByFile.end() && It->second.Command == Now.Command &&
      !It->second.FindingsElsewhere)
    plan(It->second);
}

void BodyReuse::plan(const FileState &Old) {
  StringRef Before = Old.Contents, After = Now.Contents;
  if (Before == After)
    return;
  size_t Prefix = 0, Limit = std::min(Before.size(), After.size());
  while (Prefix < Limit && Before[Prefix] == After[Prefix])
    ++Prefix;
  size_t Suffix = 0;
  while (Suffix < Limit - Prefix &&
         Before[Before.size() - 1 - Suffix] == After[After.size() - 1 - Suffix])
    ++Suffix;
  unsigned ChangeEnd = Before.size() - Suffix;
  if (!confinable(Before.slice(Prefix, ChangeEnd),
                  After.slice(Prefix, After.size() - Suffix)))
    return;
  std::optional<unsigned> Edited = unitAt(Old.Units, Prefix);
  if (!Edited || includesAfter(After, Old.Units.front().Extent.first) ||
      !llvm::any_of(Old.Units[*Edited].Bodies, [&](const TextRange &Body) {
        return Body.first <= Prefix && ChangeEnd <= Body.second;
      }))
    return;

  BitVector Skip = connected(Old.Units, *Edited, noteLinks(Old, Now.File));
  Skip.flip();
  if (!Skip.any())
    return;
  BitVector KeepOld = Skip;
  for (unsigned I : Skip.set_bits())
    for (unsigned Used : Old.Units[I].Uses)
      if (!Old.Units[Used].HasCode)
        KeepOld.set(Used);
  if (namesPlaceIn(Old, Now.File, KeepOld))
    return;

  Now.ChangeBegin = Prefix;
  Now.ChangeEnd = ChangeEnd;
  Now.Delta =
      static_cast<long>(After.size()) - static_cast<long>(Before.size());
  Now.Edited = *Edited;
  Now.Skip = std::move(Skip);
  Now.KeepOld = std::move(KeepOld);
  Now.Units = Old.Units;
  auto Move = [&](unsigned &Offset) {
    if (Offset >= ChangeEnd)
      Offset += Now.Delta;
  };
  for (DeclarationUnit &Unit : Now.Units) {
    Move(Unit.Extent.second);
    if (Unit.Extent.first > Prefix)
      Move(Unit.Extent.first);
    for (TextRange &Body : Unit.Bodies) {
      Move(Body.second);
      if (Body.first > Prefix)
        Move(Body.first);
    }
  }
}

std::unique_ptr<ASTConsumer> BodyReuse::consumer() {
  return std::make_unique<PlannedParse>(Now);
}

bool BodyReuse::finish(std::vector<ClangTidyError> &Errors) {
  if (!Now.Active) {
    LastReach.reset();
    return true;
  }
  Analysis Done = std::move(Now);
  Now = Analysis();
  auto InFile = [&](const tooling::DiagnosticMessage &Message) {
    return cleanPath(Message.FilePath) == Done.File;
  };
  auto In = [&](const BitVector &Set, unsigned Offset) {
    std::optional<unsigned> Unit = unitAt(Done.Units, Offset);
    return Unit && Set.test(*Unit);
  };
  auto Old = ByFile.find(Done.File);
  if (Done.Skip.any()) {
    bool Trusted = Done.AsPlanned && Old != ByFile.end();
    std::vector<ClangTidyError> Merged;
    for (ClangTidyError &Error : Errors) {
      if (!Trusted)
        break;
      if (InFile(Error.Message) && In(Done.KeepOld, Error.Message.FileOffset))
        continue; // The one from before stands.
      // A finding that points into a skipped body may have needed it.
      for (const tooling::DiagnosticMessage &Note : Error.Notes)
        Trusted &= !(InFile(Note) && In(Done.Skip, Note.FileOffset));
      Merged.push_back(std::move(Error));
    }
    if (!Trusted) {
      ByFile.erase(Done.File);
      RetryWhole = true;
      return false;
    }
    auto Move = [&](unsigned Offset) {
      return Offset >= Done.ChangeEnd ? Offset + Done.Delta : Offset;
    };
    auto MoveMessage = [&](tooling::DiagnosticMessage &Message) {
      if (!InFile(Message))
        return;
      Message.FileOffset = Move(Message.FileOffset);
      for (tooling::FileByteRange &Range : Message.Ranges)
        if (cleanPath(Range.FilePath) == Done.File)
          Range.FileOffset = Move(Range.FileOffset);
      for (auto &FileFix : Message.Fix) {
        if (cleanPath(FileFix.first()) != Done.File)
          continue;
        tooling::Replacements Moved;
        for (const tooling::Replacement &R : FileFix.second)
          consumeError(Moved.add(
              tooling::Replacement(R.getFilePath(), Move(R.getOffset()),
                                   R.getLength(), R.getReplacementText())));
        FileFix.second = std::move(Moved);
      }
    };
    for (ClangTidyError Error : Old->second.Errors) {
      if (!InFile(Error.Message) ||
          !In(Done.KeepOld, Move(Error.Message.FileOffset)))
        continue;
      MoveMessage(Error.Message);
      for (tooling::DiagnosticMessage &Note : Error.Notes)
        MoveMessage(Note);
      Merged.push_back(std::move(Error));
    }
    Errors = std::move(Merged);
    LastReach.emplace(Done.Skip.size() - Done.Skip.count(), Done.Skip.size());
  }
  FileState &State = ByFile[Done.File];
  State.Command = std::move(Done.Command);
  State.Contents = std::move(Done.Contents);
  State.Units = std::move(Done.Found);
  State.Errors = Errors;
  State.FindingsElsewhere = llvm::any_of(
      Errors, [&](const ClangTidyError &E) { return !InFile(E.Message); });
  return true;
}

} // namespace async_tidy

//===--- Summaries.cpp ----------------------------------------------------===//

#include "Summaries.h"
#include "ContextDescription.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Index/USRGeneration.h"
#include "llvm/Support/Path.h"
#include <tuple>

namespace clang::tidy::async::model {

std::string usrOf(const FunctionDecl &Callable) {
  llvm::SmallString<128> Usr;
  if (index::generateUSRForDecl(&Callable, Usr))
    return "";
  return std::string(Usr);
}

SummaryRecorder::Place SummaryRecorder::placeOf(SourceLocation Loc,
                                                const SourceManager &SM) {
  SourceLocation Expansion = SM.getExpansionLoc(Loc);
  OptionalFileEntryRef File = SM.getFileEntryRefForID(SM.getFileID(Expansion));
  if (!File)
    return {};
  // The compile command's directory is the file system's working directory.
  llvm::SmallString<256> Path(File->getName());
  if (SM.getFileManager().getVirtualFileSystem().makeAbsolute(Path))
    return {};
  llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
  return {std::string(Path), SM.getExpansionLineNumber(Expansion),
          SM.getExpansionColumnNumber(Expansion)};
}

llvm::StringRef SummaryRecorder::caller(const FunctionDecl &Callable,
                                        const AsyncModel &Model,
                                        const SourceManager &SM) {
  const FunctionDecl *Canon = Callable.getCanonicalDecl();
  auto [It, Inserted] = Usrs.try_emplace(Canon);
  if (!Inserted)
    return It->second;
  const FunctionDecl *Definition = nullptr;
  if (!Callable.hasBody(Definition) || isCoroutine(*Definition) ||
      Model.isConfiguredAsync(*Definition) ||
      Definition->isTemplateInstantiation() ||
      Definition->isDependentContext() ||
      SM.isInSystemHeader(SM.getExpansionLoc(Definition->getLocation())))
    return It->second;
  std::string Usr = usrOf(*Definition);
  if (Usr.empty())
    return It->second;
  Function &Entry = Functions[Usr];
  Entry.Name = callableName(*Definition);
  Entry.Definition = placeOf(Definition->getLocation(), SM);
  It->second = std::move(Usr);
  return It->second;
}

llvm::StringRef SummaryRecorder::callee(const FunctionDecl &Callable) {
  const FunctionDecl *Canon = Callable.getCanonicalDecl();
  auto It = Usrs.find(Canon);
  if (It != Usrs.end() && !It->second.empty())
    return It->second;
  std::string Usr = usrOf(Callable);
  if (Usr.empty())
    return "";
  auto [Entry, Inserted] = Functions.try_emplace(Usr);
  if (Inserted)
    Entry->second.Name = callableName(Callable);
  // Not cached in Usrs: the function may still turn out to be a caller.
  return Entry->first();
}

void SummaryRecorder::addContext(const AsyncContextIndex &Index,
                                 const AsyncModel &Model,
                                 const SourceManager &SM) {
  if (!CallsRecorded)
    addCalls(Index, Model, SM);
  Index.forEachCall([&](const CallEdge &Edge) {
    if (Edge.AfterOffload || Edge.InvokesGiven || !Index.pathTo(Edge.Caller))
      return;
    const FunctionDecl *Definition = nullptr;
    if (!Edge.Callee->hasBody(Definition))
      addAsyncCallee(*Edge.Callee);
  });
}

void SummaryRecorder::addAsyncCallee(const FunctionDecl &Callee) {
  if (std::string Usr = usrOf(Callee); !Usr.empty())
    AsyncCallees.insert(std::move(Usr));
}

void SummaryRecorder::addParameterCallee(const FunctionDecl &Callee) {
  if (std::string Usr = usrOf(Callee); !Usr.empty())
    ParameterCallees.insert(std::move(Usr));
}

void SummaryRecorder::addCalls(const AsyncContextIndex &Index,
                               const AsyncModel &Model,
                               const SourceManager &SM) {
  CallsRecorded = true;
  Index.forEachCall([&](const CallEdge &Edge) {
    // A library's bridge runs what it was given, not its own callee.
    if (Edge.InvokesGiven)
      return;
    std::string From = caller(*Edge.Caller, Model, SM).str();
    if (From.empty())
      return;
    std::string To = callee(*Edge.Callee).str();
    if (To.empty() || To == From)
      return;
    Calls.push_back({std::move(From), std::move(To), placeOf(Edge.Loc, SM)});
  });
}

void SummaryRecorder::addEffect(llvm::StringRef Check,
                                const FunctionDecl &Callable, const Expr &Call,
                                llvm::StringRef What, const AsyncModel &Model,
                                const SourceManager &SM) {
  std::string Usr = caller(Callable, Model, SM).str();
  if (Usr.empty())
    return;
  Effects.push_back({Check.str(), std::move(Usr), What.str(),
                     placeOf(Call.getExprLoc(), SM)});
}

void SummaryRecorder::addParameterEffect(
    llvm::StringRef Check, const FunctionDecl &Callable, unsigned Param,
    std::optional<unsigned> Related, bool IsCallable, llvm::StringRef How,
    llvm::StringRef What, SourceLocation At, const AsyncModel &Model,
    const SourceManager &SM) {
  std::string Usr = caller(Callable, Model, SM).str();
  if (Usr.empty())
    return;
  ParameterEffects.push_back({Check.str(), std::move(Usr), Param, Related,
                              IsCallable, How.str(), What.str(),
                              placeOf(At, SM)});
}

void SummaryRecorder::addParameterCall(
    llvm::StringRef Check, const FunctionDecl &From, const FunctionDecl &To,
    llvm::ArrayRef<PassedParameter> Passed, llvm::ArrayRef<unsigned> Joined,
    const Expr &Call, const AsyncModel &Model, const SourceManager &SM) {
  std::string FromUsr = caller(From, Model, SM).str();
  std::string ToUsr = callee(To).str();
  if (FromUsr.empty() || ToUsr.empty())
    return;
  ParameterCalls.push_back({Check.str(), std::move(FromUsr), std::move(ToUsr),
                            Passed.vec(), Joined.vec(),
                            placeOf(Call.getExprLoc(), SM)});
}

llvm::json::Value SummaryRecorder::toJson() const {
  auto PlaceFields = [](llvm::json::Object &Object, const Place &At) {
    if (At.File.empty())
      return;
    Object["file"] = At.File;
    Object["line"] = At.Line;
    Object["column"] = At.Column;
  };
  // Sorted, so that a summary is the same text for the same code.
  std::vector<llvm::StringRef> Keys;
  for (const auto &Entry : Functions)
    Keys.push_back(Entry.getKey());
  llvm::sort(Keys);
  llvm::json::Object FunctionsJson;
  for (llvm::StringRef Usr : Keys) {
    const Function &F = Functions.find(Usr)->second;
    llvm::json::Object Entry{{"name", F.Name}};
    PlaceFields(Entry, F.Definition);
    FunctionsJson[Usr.str()] = std::move(Entry);
  }
  auto CallOrder = [](const Call &C) {
    return std::tie(C.From, C.To, C.At.File, C.At.Line, C.At.Column);
  };
  std::vector<Call> SortedCalls = Calls;
  llvm::sort(SortedCalls, [&](const Call &A, const Call &B) {
    return CallOrder(A) < CallOrder(B);
  });
  SortedCalls.erase(std::unique(SortedCalls.begin(), SortedCalls.end(),
                                [&](const Call &A, const Call &B) {
                                  return CallOrder(A) == CallOrder(B);
                                }),
                    SortedCalls.end());
  llvm::json::Array CallsJson;
  for (const Call &C : SortedCalls) {
    llvm::json::Object Entry{{"from", C.From}, {"to", C.To}};
    PlaceFields(Entry, C.At);
    CallsJson.push_back(std::move(Entry));
  }
  llvm::json::Array EffectsJson;
  for (const Effect &E : Effects) {
    llvm::json::Object Entry{
        {"check", E.Check}, {"usr", E.Usr}, {"what", E.What}};
    PlaceFields(Entry, E.At);
    EffectsJson.push_back(std::move(Entry));
  }
  auto ParameterOrder = [](const ParameterEffect &E) {
    return std::tie(E.Check, E.Usr, E.Param, E.At.File, E.At.Line, E.At.Column,
                    E.What, E.How);
  };
  std::vector<ParameterEffect> SortedParameters = ParameterEffects;
  llvm::sort(SortedParameters,
             [&](const ParameterEffect &A, const ParameterEffect &B) {
               return ParameterOrder(A) < ParameterOrder(B);
             });
  llvm::json::Array ParameterEffectsJson;
  for (const ParameterEffect &E : SortedParameters) {
    llvm::json::Object Entry{{"check", E.Check},
                             {"usr", E.Usr},
                             {"param", E.Param},
                             {"how", E.How},
                             {"what", E.What}};
    if (E.Related)
      Entry["related"] = *E.Related;
    if (E.IsCallable)
      Entry["callable"] = true;
    PlaceFields(Entry, E.At);
    ParameterEffectsJson.push_back(std::move(Entry));
  }
  // Recorded in the order of the walk, which the code fixes.
  llvm::json::Array ParameterCallsJson;
  for (const ParameterCall &C : ParameterCalls) {
    llvm::json::Array Passed;
    for (const PassedParameter &P : C.Passed)
      Passed.push_back(
          llvm::json::Object{{"from", P.From}, {"to", P.To}, {"name", P.Name}});
    llvm::json::Array Joined;
    for (unsigned To : C.Joined)
      Joined.push_back(To);
    llvm::json::Object Entry{{"check", C.Check},
                             {"from", C.From},
                             {"to", C.To},
                             {"passed", std::move(Passed)},
                             {"joined", std::move(Joined)}};
    PlaceFields(Entry, C.At);
    ParameterCallsJson.push_back(std::move(Entry));
  }
  llvm::json::Array AsyncCallsJson;
  for (const std::string &Usr : AsyncCallees)
    AsyncCallsJson.push_back(Usr);
  llvm::json::Array ParameterCalleesJson;
  for (const std::string &Usr : ParameterCallees)
    ParameterCalleesJson.push_back(Usr);
  return llvm::json::Object{
      {"version", SummaryVersion},
      {"functions", std::move(FunctionsJson)},
      {"calls", std::move(CallsJson)},
      {"effects", std::move(EffectsJson)},
      {"parameterEffects", std::move(ParameterEffectsJson)},
      {"parameterCalls", std::move(ParameterCallsJson)},
      {"asyncCalls", std::move(AsyncCallsJson)},
      {"parameterCallees", std::move(ParameterCalleesJson)}};
}

static SummaryRecorder *Active = nullptr;

SummaryRecorder *activeSummaryRecorder() { return Active; }

RecordSummaries::RecordSummaries(SummaryRecorder &Recorder) : Previous(Active) {
  Active = &Recorder;
}

RecordSummaries::~RecordSummaries() { Active = Previous; }

} // namespace clang::tidy::async::model

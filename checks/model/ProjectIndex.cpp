//===--- ProjectIndex.cpp -------------------------------------------------===//

#include "ProjectIndex.h"
#include "Summaries.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include <limits>
#include <map>
#include <mutex>
#include <tuple>

namespace clang::tidy::async::model {

namespace {

struct CallerEdge {
  std::string Caller, File;
  unsigned Line, Column;
  auto tied() const { return std::tie(Caller, File, Line, Column); }
  bool operator<(const CallerEdge &Other) const {
    return tied() < Other.tied();
  }
  bool operator==(const CallerEdge &Other) const {
    return tied() == Other.tied();
  }
};

struct DirectEffect {
  std::string Usr, File;
  unsigned Line, Column;
  std::string What;
  bool operator<(const DirectEffect &Other) const {
    return std::tie(Usr, File, Line, Column, What) <
           std::tie(Other.Usr, Other.File, Other.Line, Other.Column,
                    Other.What);
  }
};

std::string field(const llvm::json::Object &Object, llvm::StringRef Key) {
  return Object.getString(Key).value_or("").str();
}

unsigned number(const llvm::json::Object &Object, llvm::StringRef Key) {
  return static_cast<unsigned>(Object.getInteger(Key).value_or(0));
}

/// The fields of a parameter effect, in a summary or in the index.
CrossFileParameter parameterFrom(const llvm::json::Object &Object) {
  CrossFileParameter Param;
  Param.Index = number(Object, "param");
  if (std::optional<int64_t> Related = Object.getInteger("related"))
    Param.Related = static_cast<unsigned>(*Related);
  Param.Callable = Object.getBoolean("callable").value_or(false);
  Param.How = field(Object, "how");
  Param.What = field(Object, "what");
  Param.Function = field(Object, "function");
  Param.File = field(Object, "file");
  Param.Line = number(Object, "line");
  Param.Column = number(Object, "column");
  return Param;
}

llvm::json::Object parameterJson(const CrossFileParameter &Param) {
  llvm::json::Object Object{
      {"param", Param.Index},       {"how", Param.How},   {"what", Param.What},
      {"function", Param.Function}, {"file", Param.File}, {"line", Param.Line},
      {"column", Param.Column}};
  if (Param.Related)
    Object["related"] = *Param.Related;
  if (Param.Callable)
    Object["callable"] = true;
  return Object;
}

/// Entries of one parameter and effect side by side, the first of each in
/// a fixed order.
auto parameterOrder(const CrossFileParameter &Param) {
  return std::tie(Param.Index, Param.How, Param.File, Param.Line, Param.Column,
                  Param.What);
}

/// The list \p Key of a summary of this version, or null.
const llvm::json::Array *summaryArray(const llvm::json::Value *Summary,
                                      llvm::StringRef Key) {
  const llvm::json::Object *Object = Summary ? Summary->getAsObject() : nullptr;
  return Object && Object->getInteger("version") == SummaryVersion
             ? Object->getArray(Key)
             : nullptr;
}

/// A function's call that passes its own parameters on to another file's
/// function.
struct ParameterCall {
  std::string To, From;
  std::vector<std::tuple<unsigned, unsigned, std::string>> Passed; // to, from
  std::vector<unsigned> Joined; // parameters of To whose argument is waited for
  std::string File;
  unsigned Line, Column;
  auto tied() const {
    return std::tie(To, From, File, Line, Column, Passed, Joined);
  }
};

/// Gives a function that passes its parameter on to one with a parameter
/// effect the same effect, breadth first up to \p MaxSteps functions.
void passParametersBack(
    llvm::ArrayRef<const llvm::json::Value *> Summaries, unsigned MaxSteps,
    llvm::function_ref<std::string(llvm::StringRef)> NameOf,
    llvm::StringMap<llvm::StringMap<std::vector<CrossFileParameter>>>
        &Parameters) {
  llvm::StringMap<std::vector<ParameterCall>> Calls;
  for (const llvm::json::Value *Summary : Summaries) {
    const llvm::json::Array *Array = summaryArray(Summary, "parameterCalls");
    if (!Array)
      continue;
    for (const llvm::json::Value &Value : *Array) {
      const llvm::json::Object *Call = Value.getAsObject();
      const llvm::json::Array *Passed =
          Call ? Call->getArray("passed") : nullptr;
      if (!Passed)
        continue;
      ParameterCall Entry{field(*Call, "to"),
                          field(*Call, "from"),
                          {},
                          {},
                          field(*Call, "file"),
                          number(*Call, "line"),
                          number(*Call, "column")};
      if (const llvm::json::Array *Joined = Call->getArray("joined"))
        for (const llvm::json::Value &To : *Joined)
          if (std::optional<int64_t> Index = To.getAsInteger())
            Entry.Joined.push_back(static_cast<unsigned>(*Index));
      for (const llvm::json::Value &P : *Passed)
        if (const llvm::json::Object *Pass = P.getAsObject())
          Entry.Passed.emplace_back(number(*Pass, "to"), number(*Pass, "from"),
                                    field(*Pass, "name"));
      Calls[field(*Call, "check")].push_back(std::move(Entry));
    }
  }
  for (auto &CheckEntry : Calls) {
    std::vector<ParameterCall> &CheckCalls = CheckEntry.second;
    llvm::sort(CheckCalls, [](const ParameterCall &A, const ParameterCall &B) {
      return A.tied() < B.tied();
    });
    auto Effects = Parameters.find(CheckEntry.getKey());
    if (Effects == Parameters.end())
      continue;
    auto &Known = Effects->second;
    for (unsigned Steps = 2; Steps <= MaxSteps; ++Steps) {
      std::vector<std::pair<std::string, CrossFileParameter>> Found;
      auto Has = [&](llvm::StringRef Usr, unsigned Index) {
        auto It = Known.find(Usr);
        return (It != Known.end() && llvm::any_of(It->second,
                                                  [&](const auto &P) {
                                                    return P.Index == Index;
                                                  })) ||
               llvm::any_of(Found, [&](const auto &F) {
                 return F.first == Usr && F.second.Index == Index;
               });
      };
      for (const ParameterCall &Call : CheckCalls) {
        auto Callee = Known.find(Call.To);
        if (Callee == Known.end())
          continue;
        for (const CrossFileParameter &Param : Callee->second)
          for (const auto &[To, From, Name] : Call.Passed) {
            // The caller runs the executor the work goes to.
            if (To != Param.Index || Has(Call.From, From) ||
                (Param.Related &&
                 llvm::is_contained(Call.Joined, *Param.Related)))
              continue;
            CrossFileParameter Passed = Param;
            Passed.Index = From;
            Passed.Related.reset();
            for (const auto &Executor : Call.Passed)
              if (Param.Related && std::get<0>(Executor) == *Param.Related)
                Passed.Related = std::get<1>(Executor);
            Passed.How = "it is passed to '" + NameOf(Call.To) + "' as '" +
                         Name + "', and there " + Param.How;
            Found.emplace_back(Call.From, std::move(Passed));
          }
      }
      if (Found.empty())
        break;
      for (auto &Entry : Found)
        Known[Entry.first].push_back(std::move(Entry.second));
    }
    for (auto &Entry : Known)
      llvm::sort(Entry.second, [](const auto &A, const auto &B) {
        return A.Index < B.Index;
      });
  }
}

template <typename T> std::vector<llvm::StringRef> sortedKeys(const T &Map) {
  std::vector<llvm::StringRef> Keys;
  for (const auto &Entry : Map)
    Keys.push_back(Entry.getKey());
  llvm::sort(Keys);
  return Keys;
}

} // namespace

ProjectIndex
ProjectIndex::build(llvm::ArrayRef<const llvm::json::Value *> Summaries,
                    unsigned MaxSteps) {
  llvm::StringMap<Function> Known;
  llvm::StringMap<std::vector<CallerEdge>> CallersOf;
  llvm::StringMap<std::vector<DirectEffect>> Direct;
  for (const llvm::json::Value *Summary : Summaries) {
    const llvm::json::Object *Object =
        Summary ? Summary->getAsObject() : nullptr;
    if (!Object || Object->getInteger("version") != SummaryVersion)
      continue;
    if (const llvm::json::Object *Functions = Object->getObject("functions"))
      for (const auto &[Usr, Value] : *Functions) {
        const llvm::json::Object *F = Value.getAsObject();
        Function &Entry = Known[Usr.str()];
        // The defining file's entry wins over a caller's, which has no file.
        if (F && Entry.File.empty())
          Entry = {field(*F, "name"), field(*F, "file"), number(*F, "line")};
      }
    if (const llvm::json::Array *Calls = Object->getArray("calls"))
      for (const llvm::json::Value &Value : *Calls)
        if (const llvm::json::Object *Call = Value.getAsObject())
          CallersOf[field(*Call, "to")].push_back(
              {field(*Call, "from"), field(*Call, "file"),
               number(*Call, "line"), number(*Call, "column")});
    if (const llvm::json::Array *Effects = Object->getArray("effects"))
      for (const llvm::json::Value &Value : *Effects)
        if (const llvm::json::Object *Effect = Value.getAsObject())
          Direct[field(*Effect, "check")].push_back(
              {field(*Effect, "usr"), field(*Effect, "file"),
               number(*Effect, "line"), number(*Effect, "column"),
               field(*Effect, "what")});
  }
  ProjectIndex Index;
  for (const llvm::json::Value *Summary : Summaries) {
    const llvm::json::Array *Effects =
        summaryArray(Summary, "parameterEffects");
    if (!Effects)
      continue;
    for (const llvm::json::Value &Value : *Effects)
      if (const llvm::json::Object *Effect = Value.getAsObject())
        Index.Parameters[field(*Effect, "check")][field(*Effect, "usr")]
            .push_back(parameterFrom(*Effect));
  }
  auto NameOf = [&](llvm::StringRef Usr) {
    auto It = Known.find(Usr);
    return It == Known.end() ? std::string() : It->second.Name;
  };
  // One entry per parameter and effect: the first in a fixed order, whatever
  // order the summaries came in.
  for (auto &Check : Index.Parameters)
    for (auto &Entry : Check.second) {
      std::vector<CrossFileParameter> &Params = Entry.second;
      for (CrossFileParameter &Param : Params)
        Param.Function = NameOf(Entry.getKey());
      llvm::sort(Params, [](const auto &A, const auto &B) {
        return parameterOrder(A) < parameterOrder(B);
      });
      Params.erase(std::unique(Params.begin(), Params.end(),
                               [](const auto &A, const auto &B) {
                                 return A.Index == B.Index && A.How == B.How;
                               }),
                   Params.end());
    }
  passParametersBack(Summaries, MaxSteps, NameOf, Index.Parameters);
  for (const auto &Check : Index.Parameters)
    for (const auto &Entry : Check.second)
      if (auto It = Known.find(Entry.getKey()); It != Known.end())
        Index.Functions[Entry.getKey()] = It->second;
  for (auto &Entry : CallersOf) {
    llvm::sort(Entry.second);
    Entry.second.erase(llvm::unique(Entry.second), Entry.second.end());
  }

  for (llvm::StringRef Check : sortedKeys(Direct)) {
    std::vector<DirectEffect> &Effects = Direct[Check];
    llvm::sort(Effects);
    llvm::StringMap<Reach> &Reached = Index.Reaches[Check];
    std::vector<std::string> Frontier;
    for (const DirectEffect &Effect : Effects)
      if (Reached
              .try_emplace(Effect.Usr, Reach{Effect.File, Effect.Line,
                                             Effect.Column, 1, "", Effect.What})
              .second)
        Frontier.push_back(Effect.Usr);
    // Breadth first from the calls that report: each function keeps the
    // shortest way, and the first found among equals (the sorted order).
    for (unsigned Steps = 2; Steps <= MaxSteps && !Frontier.empty(); ++Steps) {
      std::vector<std::string> Next;
      for (const std::string &Usr : Frontier) {
        auto Callers = CallersOf.find(Usr);
        if (Callers == CallersOf.end())
          continue;
        for (const CallerEdge &Edge : Callers->second)
          if (Reached
                  .try_emplace(Edge.Caller, Reach{Edge.File, Edge.Line,
                                                  Edge.Column, Steps, Usr, ""})
                  .second)
            Next.push_back(Edge.Caller);
      }
      Frontier = std::move(Next);
    }
    for (const auto &Entry : Reached)
      if (auto It = Known.find(Entry.getKey()); It != Known.end())
        Index.Functions[Entry.getKey()] = It->second;
  }
  return Index;
}

llvm::json::Value ProjectIndex::toJson() const {
  llvm::json::Object FunctionsJson;
  for (llvm::StringRef Usr : sortedKeys(Functions)) {
    const Function &F = Functions.find(Usr)->second;
    FunctionsJson[Usr.str()] = llvm::json::Object{
        {"name", F.Name}, {"file", F.File}, {"line", F.Line}};
  }
  llvm::json::Object ReachesJson;
  for (llvm::StringRef Check : sortedKeys(Reaches)) {
    const llvm::StringMap<Reach> &Reached = Reaches.find(Check)->second;
    llvm::json::Object CheckJson;
    for (llvm::StringRef Usr : sortedKeys(Reached)) {
      const Reach &R = Reached.find(Usr)->second;
      llvm::json::Object Entry{{"file", R.File},
                               {"line", R.Line},
                               {"column", R.Column},
                               {"steps", R.Steps}};
      if (R.What.empty())
        Entry["next"] = R.Next;
      else
        Entry["what"] = R.What;
      CheckJson[Usr.str()] = std::move(Entry);
    }
    ReachesJson[Check.str()] = std::move(CheckJson);
  }
  llvm::json::Object ParametersJson;
  for (llvm::StringRef Check : sortedKeys(Parameters)) {
    const auto &Functions = Parameters.find(Check)->second;
    llvm::json::Object CheckJson;
    for (llvm::StringRef Usr : sortedKeys(Functions)) {
      llvm::json::Array Params;
      for (const CrossFileParameter &Param : Functions.find(Usr)->second)
        Params.push_back(parameterJson(Param));
      CheckJson[Usr.str()] = std::move(Params);
    }
    ParametersJson[Check.str()] = std::move(CheckJson);
  }
  return llvm::json::Object{{"version", SummaryVersion},
                            {"functions", std::move(FunctionsJson)},
                            {"reaches", std::move(ReachesJson)},
                            {"parameters", std::move(ParametersJson)}};
}

llvm::Expected<ProjectIndex>
ProjectIndex::fromJson(const llvm::json::Value &Json) {
  auto Invalid = [](const llvm::Twine &Why) {
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "not a summary index: " + Why);
  };
  const llvm::json::Object *Object = Json.getAsObject();
  if (!Object)
    return Invalid("not a JSON object");
  if (Object->getInteger("version") != SummaryVersion)
    return Invalid("version is not " + llvm::Twine(SummaryVersion));
  const llvm::json::Object *Functions = Object->getObject("functions");
  const llvm::json::Object *Reaches = Object->getObject("reaches");
  if (!Functions || !Reaches)
    return Invalid("'functions' or 'reaches' is missing");
  ProjectIndex Index;
  for (const auto &[Usr, Value] : *Functions) {
    const llvm::json::Object *F = Value.getAsObject();
    if (!F)
      return Invalid("function '" + Usr.str() + "' is not an object");
    Index.Functions[Usr.str()] = {field(*F, "name"), field(*F, "file"),
                                  number(*F, "line")};
  }
  for (const auto &[Check, Value] : *Reaches) {
    const llvm::json::Object *CheckJson = Value.getAsObject();
    if (!CheckJson)
      return Invalid("check '" + Check.str() + "' is not an object");
    llvm::StringMap<Reach> &Reached = Index.Reaches[Check.str()];
    for (const auto &[Usr, EntryValue] : *CheckJson) {
      const llvm::json::Object *Entry = EntryValue.getAsObject();
      if (!Entry)
        return Invalid("entry '" + Usr.str() + "' is not an object");
      Reached[Usr.str()] = {field(*Entry, "file"),    number(*Entry, "line"),
                            number(*Entry, "column"), number(*Entry, "steps"),
                            field(*Entry, "next"),    field(*Entry, "what")};
    }
  }
  // Absent in an index written before parameters were recorded.
  if (const llvm::json::Object *Parameters = Object->getObject("parameters"))
    for (const auto &[Check, Value] : *Parameters) {
      const llvm::json::Object *CheckJson = Value.getAsObject();
      if (!CheckJson)
        return Invalid("check '" + Check.str() + "' is not an object");
      for (const auto &[Usr, ParamsValue] : *CheckJson) {
        const llvm::json::Array *Params = ParamsValue.getAsArray();
        if (!Params)
          return Invalid("parameters of '" + Usr.str() + "' are not a list");
        auto &Known = Index.Parameters[Check.str()][Usr.str()];
        for (const llvm::json::Value &Param : *Params) {
          const llvm::json::Object *ParamJson = Param.getAsObject();
          if (!ParamJson)
            return Invalid("a parameter of '" + Usr.str() +
                           "' is not an object");
          Known.push_back(parameterFrom(*ParamJson));
        }
      }
    }
  return Index;
}

llvm::Expected<std::shared_ptr<const ProjectIndex>>
ProjectIndex::load(llvm::StringRef Path) {
  struct Loaded {
    llvm::sys::TimePoint<> Modified;
    uint64_t Size;
    std::shared_ptr<const ProjectIndex> Index;
  };
  static std::mutex Lock;
  static std::map<std::string, Loaded> Cache;
  auto Fail = [&](const llvm::Twine &Why) {
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "cannot read summary index '" + Path +
                                       "': " + Why);
  };
  llvm::sys::fs::file_status Status;
  if (std::error_code EC = llvm::sys::fs::status(Path, Status))
    return Fail(EC.message());
  std::lock_guard<std::mutex> Guard(Lock);
  auto It = Cache.find(Path.str());
  if (It != Cache.end() &&
      It->second.Modified == Status.getLastModificationTime() &&
      It->second.Size == Status.getSize())
    return It->second.Index;
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  if (!Buffer)
    return Fail(Buffer.getError().message());
  llvm::Expected<llvm::json::Value> Json =
      llvm::json::parse((*Buffer)->getBuffer());
  if (!Json)
    return Fail(llvm::toString(Json.takeError()));
  llvm::Expected<ProjectIndex> Index = fromJson(*Json);
  if (!Index)
    return Fail(llvm::toString(Index.takeError()));
  auto Shared = std::make_shared<const ProjectIndex>(std::move(*Index));
  Cache[Path.str()] = {Status.getLastModificationTime(), Status.getSize(),
                       Shared};
  return Shared;
}

std::optional<CrossFileEffect> ProjectIndex::effect(llvm::StringRef Check,
                                                    llvm::StringRef Usr,
                                                    unsigned MaxSteps) const {
  auto CheckReaches = Reaches.find(Check);
  if (CheckReaches == Reaches.end())
    return std::nullopt;
  const llvm::StringMap<Reach> &Reached = CheckReaches->second;
  auto Name = [&](llvm::StringRef Of) {
    auto It = Functions.find(Of);
    return It == Functions.end() ? std::string() : It->second.Name;
  };
  CrossFileEffect Effect;
  std::string Current = Usr.str();
  // A well-formed index shortens the way at each step; the bound stops a
  // hand-written one that loops.
  while (Effect.Steps.size() < MaxSteps &&
         Effect.Steps.size() <= Reached.size()) {
    auto It = Reached.find(Current);
    if (It == Reached.end())
      return std::nullopt;
    const Reach &R = It->second;
    Effect.Steps.push_back({Name(Current), R.File, R.Line, R.Column,
                            R.What.empty() ? Name(R.Next) : ""});
    if (!R.What.empty()) {
      Effect.What = R.What;
      return Effect;
    }
    Current = R.Next;
  }
  return std::nullopt;
}

llvm::ArrayRef<CrossFileParameter>
ProjectIndex::parameters(llvm::StringRef Check, llvm::StringRef Usr) const {
  auto CheckParams = Parameters.find(Check);
  if (CheckParams == Parameters.end())
    return {};
  auto It = CheckParams->second.find(Usr);
  if (It == CheckParams->second.end())
    return {};
  return It->second;
}

std::string ProjectIndex::describeParameters(llvm::StringRef Usr) const {
  std::string Text;
  for (llvm::StringRef Check : sortedKeys(Parameters))
    for (const CrossFileParameter &Param : parameters(Check, Usr))
      Text += Check.str() + (Param.Callable ? " callable " : " param ") +
              std::to_string(Param.Index) + ' ' +
              (Param.Related ? std::to_string(*Param.Related) : "-") + ' ' +
              Param.What + ' ' + Param.How + '@' + Param.File + ':' +
              std::to_string(Param.Line) + '\n';
  return Text;
}

std::string ProjectIndex::describe(llvm::StringRef Usr) const {
  std::string Text;
  for (llvm::StringRef Check : sortedKeys(Reaches)) {
    std::optional<CrossFileEffect> Effect =
        effect(Check, Usr, std::numeric_limits<unsigned>::max());
    if (!Effect)
      continue;
    Text += Check.str() + ' ' + Effect->What;
    for (const CrossFileStep &Step : Effect->Steps)
      Text += ' ' + Step.Function + '@' + Step.File + ':' +
              std::to_string(Step.Line);
    Text += '\n';
  }
  return Text;
}

size_t ProjectIndex::size() const {
  size_t Entries = 0;
  for (const auto &Check : Reaches)
    Entries += Check.second.size();
  for (const auto &Check : Parameters)
    for (const auto &Function : Check.second)
      Entries += Function.second.size();
  return Entries;
}

} // namespace clang::tidy::async::model

//===--- CrossFilePass.cpp ------------------------------------------------===//

#include "CrossFilePass.h"
#include "ShardReport.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;
using clang::tidy::async::model::ProjectIndex;

namespace async_tidy {

ProjectIndex
joinSummaries(const std::vector<std::optional<AnalysisOutcome>> &Outcomes) {
  std::vector<const json::Value *> Summaries;
  for (const std::optional<AnalysisOutcome> &Outcome : Outcomes)
    if (Outcome && Outcome->Result && Outcome->Result->Summary)
      Summaries.push_back(&*Outcome->Result->Summary);
  return ProjectIndex::build(Summaries, MaxCrossFileSteps);
}

std::string crossFileInputs(const json::Value &Summary,
                            const ProjectIndex &Index) {
  const json::Object *Object = Summary.getAsObject();
  if (!Object)
    return "";
  // The recorder wrote them sorted.
  std::string Inputs;
  auto Add = [&](StringRef Key, auto Describe) {
    if (const json::Array *Called = Object->getArray(Key))
      for (const json::Value &Usr : *Called)
        if (std::optional<StringRef> Name = Usr.getAsString())
          if (std::string Said = Describe(*Name); !Said.empty())
            Inputs += Name->str() + '\n' + Said;
  };
  Add("asyncCalls", [&](StringRef Usr) { return Index.describe(Usr); });
  Add("parameterCallees",
      [&](StringRef Usr) { return Index.describeParameters(Usr); });
  return Inputs;
}

Error writeSummaryIndex(StringRef Path, const ProjectIndex &Index) {
  return writeToOutput(Path, [&](raw_ostream &OS) {
    OS << formatv("{0:2}", Index.toJson()) << '\n';
    return Error::success();
  });
}

Error writeShardSummaries(
    StringRef Path, const ShardPlan &Shard,
    const std::vector<std::optional<AnalysisOutcome>> &Outcomes) {
  std::vector<ShardFileRecord> Records;
  json::Array Summaries;
  for (const std::optional<AnalysisOutcome> &Outcome : Outcomes) {
    Records.push_back({0, Outcome ? Outcome->CostMs : 0});
    if (Outcome && Outcome->Result && Outcome->Result->Summary)
      Summaries.push_back(*Outcome->Result->Summary);
    else
      Summaries.push_back(nullptr);
  }
  json::Value Document = shardSummaries(Shard, Records, std::move(Summaries));
  return writeToOutput(Path, [&](raw_ostream &OS) {
    OS << formatv("{0:2}", Document) << '\n';
    return Error::success();
  });
}

std::vector<std::string> withFlag(std::vector<std::string> Args,
                                  std::string Flag) {
  auto Separator = llvm::find(Args, "--");
  Args.insert(Separator, std::move(Flag));
  return Args;
}

} // namespace async_tidy

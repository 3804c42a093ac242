//===--- ShardReport.cpp --------------------------------------------------===//

#include "ShardReport.h"
#include "checks/model/Summaries.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/MemoryBuffer.h"

using namespace llvm;

namespace async_tidy {

static constexpr const char *SarifProperty = "asyncTidyShard";
// The merge renders the findings again (rule metadata, positions): with
// another build's, the report would not be the one a single run writes.
static constexpr const char *ThisTool =
    "async-tidy " ASYNC_TIDY_VERSION " (LLVM " LLVM_VERSION_STRING ")";

json::Object shardRecord(const ShardPlan &Shard,
                         ArrayRef<ShardFileRecord> Records) {
  json::Array Files;
  for (const std::string &File : Shard.Files)
    Files.push_back(File);
  json::Array Analyzed;
  for (auto [Position, Record] : llvm::zip_equal(Shard.Positions, Records))
    Analyzed.push_back(json::Object{{"position", Position},
                                    {"findings", Record.Findings},
                                    {"costMs", Record.CostMs}});
  return json::Object{{"tool", ThisTool},
                      {"index", Shard.Index},
                      {"count", Shard.Count},
                      {"files", std::move(Files)},
                      {"analyzed", std::move(Analyzed)}};
}

json::Object shardSummaries(const ShardPlan &Shard,
                            ArrayRef<ShardFileRecord> Records,
                            json::Array Summaries) {
  return json::Object{{"version", clang::tidy::async::model::SummaryVersion},
                      {"shard", shardRecord(Shard, Records)},
                      {"summaries", std::move(Summaries)}};
}

void embedShardReport(json::Object &SarifLog, json::Object JsonReport) {
  json::Object *Run = (*SarifLog.getArray("runs"))[0].getAsObject();
  (*Run)["properties"] = json::Object{{SarifProperty, std::move(JsonReport)}};
}

namespace {

/// Reads the parts of one report, naming it in every error.
class ReportReader {
public:
  explicit ReportReader(StringRef Path) : Path(Path) {}

  Error bad(const Twine &Why) const {
    return createStringError(inconvertibleErrorCode(), "'" + Path + "' " + Why);
  }

  /// The JSON report in the document: the document itself, or what a SARIF
  /// log embeds; or the part's summaries.
  Expected<const json::Object *> jsonReport(const json::Value &Document,
                                            std::string &Format) const {
    const json::Object *Root = Document.getAsObject();
    if (Root && Root->get("runs")) {
      Format = "sarif";
      const json::Array *Runs = Root->getArray("runs");
      const json::Object *Run =
          Runs && Runs->size() == 1 ? Runs->front().getAsObject() : nullptr;
      const json::Object *Properties =
          Run ? Run->getObject("properties") : nullptr;
      const json::Object *Embedded =
          Properties ? Properties->getObject(SarifProperty) : nullptr;
      if (!Embedded)
        return bad("is not a shard's report (it was written without "
                   "--shard)");
      Root = Embedded;
    } else if (Root && Root->get("summaries")) {
      Format = "summaries";
      int Version = clang::tidy::async::model::SummaryVersion;
      if (Root->getInteger("version") != Version)
        return bad("holds summaries of another version than this build's (" +
                   Twine(Version) + ")");
      if (!Root->getArray("summaries") || !Root->getObject("shard"))
        return bad("is not a part's summaries (--shard with "
                   "--write-summary-index)");
      return Root;
    } else {
      Format = "json";
    }
    if (!Root || Root->getInteger("version") != 1 ||
        !Root->getArray("findings"))
      return bad("is neither a JSON report nor a SARIF log of async-tidy");
    if (!Root->getObject("shard"))
      return bad("is not a shard's report (it was written without --shard)");
    return Root;
  }

  Error readPlan(const json::Object &Shard, ShardReport &Report,
                 std::vector<ShardFileRecord> &Records) const {
    ShardPlan &Plan = Report.Plan;
    std::optional<int64_t> Index = Shard.getInteger("index");
    std::optional<int64_t> Count = Shard.getInteger("count");
    const json::Array *Files = Shard.getArray("files");
    const json::Array *Analyzed = Shard.getArray("analyzed");
    StringRef Tool = Shard.getString("tool").value_or("");
    if (Tool != ThisTool)
      return bad("was written by " + (Tool.empty() ? "another tool" : Tool) +
                 ", not by this " + ThisTool);
    if (!Index || !Count || *Index < 1 || *Index > *Count || !Files ||
        !Analyzed)
      return bad("has a malformed \"shard\" object");
    Plan.Index = *Index;
    Plan.Count = *Count;
    for (const json::Value &File : *Files) {
      std::optional<StringRef> Name = File.getAsString();
      if (!Name)
        return bad("has a file name that is not a string");
      Plan.Files.push_back(Name->str());
    }
    for (const json::Value &Entry : *Analyzed) {
      const json::Object *Object = Entry.getAsObject();
      std::optional<int64_t> Position =
          Object ? Object->getInteger("position") : std::nullopt;
      std::optional<int64_t> Findings =
          Object ? Object->getInteger("findings") : std::nullopt;
      std::optional<int64_t> Cost =
          Object ? Object->getInteger("costMs") : std::nullopt;
      if (!Position || *Position < 0 ||
          static_cast<size_t>(*Position) >= Plan.Files.size() ||
          (!Plan.Positions.empty() &&
           static_cast<size_t>(*Position) <= Plan.Positions.back()) ||
          !Findings || *Findings < 0 || (Cost && *Cost < 0))
        return bad("has a malformed \"analyzed\" entry");
      Plan.Positions.push_back(*Position);
      Records.push_back({static_cast<size_t>(*Findings),
                         static_cast<uint64_t>(Cost.value_or(0))});
    }
    return Error::success();
  }

  /// Deals the findings, failed files and files not analyzed out to the
  /// shard's files, in order.
  Error readOutcomes(const json::Object &Json,
                     ArrayRef<ShardFileRecord> Records,
                     ShardReport &Report) const {
    Expected<WorkerResult> All = workerResultFromJson(
        json::Object{{"version", 1},
                     {"diagnostics", json::Array(*Json.getArray("findings"))}});
    if (!All)
      return bad("has a malformed finding: " + toString(All.takeError()));
    std::vector<StringRef> Failed;
    if (const json::Array *List = Json.getArray("failedFiles"))
      for (const json::Value &File : *List)
        Failed.push_back(File.getAsString().value_or(""));
    std::vector<std::pair<StringRef, StringRef>> Lost;
    if (const json::Array *List = Json.getArray("notAnalyzed"))
      for (const json::Value &Entry : *List) {
        const json::Object *Object = Entry.getAsObject();
        Lost.emplace_back(Object ? Object->getString("file").value_or("") : "",
                          Object ? Object->getString("reason").value_or("")
                                 : "");
      }

    size_t NextFinding = 0, NextFailed = 0, NextLost = 0;
    for (auto [Position, Record] :
         llvm::zip_equal(Report.Plan.Positions, Records)) {
      const std::string &File = Report.Plan.Files[Position];
      Report.CostsMs.push_back(Record.CostMs);
      if (NextLost < Lost.size() && Lost[NextLost].first == File &&
          !Record.Findings) {
        Report.Outcomes.push_back(
            AnalysisOutcome::failure(Lost[NextLost++].second));
        continue;
      }
      if (Record.Findings > All->Errors.size() - NextFinding)
        return bad("counts more findings than it lists");
      WorkerResult Result;
      Result.File = File;
      Result.Failed = NextFailed < Failed.size() && Failed[NextFailed] == File;
      NextFailed += Result.Failed;
      for (size_t I = 0; I < Record.Findings; ++I)
        Result.Errors.push_back(std::move(All->Errors[NextFinding++]));
      Report.Outcomes.push_back({std::move(Result), "", ""});
    }
    if (NextFinding != All->Errors.size() || NextFailed != Failed.size() ||
        NextLost != Lost.size())
      return bad("lists findings or failed files of files it did not "
                 "analyze");
    return Error::success();
  }

  /// Deals the summaries out to the shard's files, in order.
  Error readSummaries(const json::Object &Json,
                      ArrayRef<ShardFileRecord> Records,
                      ShardReport &Report) const {
    const json::Array &Summaries = *Json.getArray("summaries");
    if (Summaries.size() != Records.size())
      return bad("has not one summary per analyzed file");
    for (auto [Position, Record, Summary] :
         llvm::zip_equal(Report.Plan.Positions, Records, Summaries)) {
      if (Summary.kind() != json::Value::Object &&
          Summary.kind() != json::Value::Null)
        return bad("has a summary that is not an object");
      WorkerResult Result;
      Result.File = Report.Plan.Files[Position];
      if (Summary.getAsObject())
        Result.Summary = Summary;
      Report.CostsMs.push_back(Record.CostMs);
      Report.Outcomes.push_back({std::move(Result), "", ""});
    }
    return Error::success();
  }

private:
  StringRef Path;
};

} // namespace

Expected<ShardReport> readShardReport(StringRef Path) {
  ReportReader Reader(Path);
  auto Buffer = MemoryBuffer::getFile(Path);
  if (!Buffer)
    return createStringError(Buffer.getError(),
                             "cannot read '" + Path +
                                 "': " + Buffer.getError().message());
  Expected<json::Value> Document = json::parse((*Buffer)->getBuffer());
  if (!Document)
    return Reader.bad("is not valid JSON: " + toString(Document.takeError()));
  ShardReport Report;
  Report.Path = Path.str();
  Expected<const json::Object *> Json =
      Reader.jsonReport(*Document, Report.Format);
  if (!Json)
    return Json.takeError();
  std::vector<ShardFileRecord> Records;
  if (Error E = Reader.readPlan(*(*Json)->getObject("shard"), Report, Records))
    return std::move(E);
  if (Error E = Report.Format == "summaries"
                    ? Reader.readSummaries(**Json, Records, Report)
                    : Reader.readOutcomes(**Json, Records, Report))
    return std::move(E);
  return std::move(Report);
}

} // namespace async_tidy

//===--- Shard.cpp --------------------------------------------------------===//

#include "Shard.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"
#include <algorithm>
#include <numeric>
#include <tuple>

using namespace llvm;

namespace async_tidy {

Expected<ShardPlan> parseShard(StringRef Text) {
  auto [K, N] = Text.split('/');
  ShardPlan Plan;
  if (K.getAsInteger(10, Plan.Index) || N.getAsInteger(10, Plan.Count) ||
      Plan.Index < 1 || Plan.Index > Plan.Count)
    return createStringError(inconvertibleErrorCode(),
                             "invalid --shard '" + Text +
                                 "': expected K/N with 1 <= K <= N, as in 2/4");
  return Plan;
}

Expected<ShardCosts> readShardCosts(StringRef Path) {
  auto Buffer = MemoryBuffer::getFile(Path);
  if (!Buffer)
    return createStringError(Buffer.getError(),
                             "cannot read the shard costs '" + Path +
                                 "': " + Buffer.getError().message());
  auto Malformed = [&](const Twine &Why) {
    return createStringError(inconvertibleErrorCode(),
                             "malformed shard costs '" + Path + "': " + Why);
  };
  Expected<json::Value> Value = json::parse((*Buffer)->getBuffer());
  if (!Value)
    return Malformed(toString(Value.takeError()));
  const json::Object *Root = Value->getAsObject();
  const json::Object *Entries = Root ? Root->getObject("costs") : nullptr;
  if (!Entries || Root->getInteger("version") != 1)
    return Malformed("expected {\"version\": 1, \"costs\": {...}}");
  ShardCosts Costs;
  for (const auto &[File, Milliseconds] : *Entries) {
    std::optional<int64_t> Cost = Milliseconds.getAsInteger();
    if (!Cost || *Cost < 0)
      return Malformed("the cost of '" + File.str() +
                       "' is not a number of milliseconds");
    SmallString<256> Absolute(File.str());
    if (std::error_code EC = sys::fs::make_absolute(Absolute))
      return Malformed("cannot resolve '" + File.str() + "': " + EC.message());
    Costs[Absolute] = *Cost;
  }
  return Costs;
}

Error writeShardCosts(StringRef Path, const ShardCosts &Costs) {
  // Files under the current folder are named relative to it, so that the
  // file serves a checkout at another path.
  SmallString<256> Current;
  if (std::error_code EC = sys::fs::current_path(Current))
    return createStringError(EC, "no current folder: " + EC.message());
  json::Object Entries;
  for (const auto &Entry : Costs) {
    StringRef File = Entry.first();
    if (!File.consume_front(Current) || !File.consume_front("/"))
      File = Entry.first();
    Entries[File] = Entry.second;
  }
  json::Value Document =
      json::Object{{"version", 1}, {"costs", std::move(Entries)}};
  return writeToOutput(Path, [&](raw_ostream &OS) {
    OS << formatv("{0:2}", Document) << "\n";
    return Error::success();
  });
}

std::vector<unsigned> assignShards(ArrayRef<std::string> Files, unsigned Count,
                                   const ShardCosts &Costs) {
  uint64_t Known = 0, Total = 0;
  for (const std::string &File : Files) {
    auto It = Costs.find(File);
    if (It != Costs.end()) {
      ++Known;
      Total += It->second;
    }
  }
  // Every file weighs at least 1, so that files of no measured cost are
  // still spread out.
  uint64_t Unknown = Known ? Total / Known : 0;
  std::vector<uint64_t> Cost;
  for (const std::string &File : Files) {
    auto It = Costs.find(File);
    Cost.push_back((It == Costs.end() ? Unknown : It->second) + 1);
  }

  std::vector<size_t> Order(Files.size());
  std::iota(Order.begin(), Order.end(), 0);
  llvm::sort(Order, [&](size_t A, size_t B) {
    return std::tie(Cost[B], Files[A], A) < std::tie(Cost[A], Files[B], B);
  });
  std::vector<uint64_t> Load(Count);
  std::vector<unsigned> Shard(Files.size());
  for (size_t File : Order) {
    unsigned Lightest =
        std::min_element(Load.begin(), Load.end()) - Load.begin();
    Shard[File] = Lightest;
    Load[Lightest] += Cost[File];
  }
  return Shard;
}

} // namespace async_tidy

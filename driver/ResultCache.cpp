//===--- ResultCache.cpp --------------------------------------------------===//

#include "ResultCache.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/BLAKE3.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include <algorithm>

using namespace llvm;

namespace async_tidy {

static constexpr int Format = 1;

Expected<ResultCache> ResultCache::open(StringRef Directory, std::string Tool) {
  if (std::error_code EC = sys::fs::create_directories(Directory))
    return createStringError(EC, "cannot create the cache directory '" +
                                     Directory + "': " + EC.message());
  SmallString<256> Absolute(Directory);
  if (std::error_code EC = sys::fs::make_absolute(Absolute))
    return createStringError(EC, "cannot resolve the cache directory '" +
                                     Directory + "': " + EC.message());
  return ResultCache(std::string(Absolute), std::move(Tool));
}

std::string ResultCache::key(StringRef File, StringRef Configuration,
                             StringRef Command) const {
  BLAKE3 Hasher;
  // Each part is preceded by its size, so that no two different triples
  // hash the same text.
  for (StringRef Part : {StringRef(Tool), File, Configuration, Command}) {
    Hasher.update(std::to_string(Part.size()) + ":");
    Hasher.update(Part);
  }
  return toHex(Hasher.final(), /*LowerCase=*/true);
}

std::string ResultCache::entryPath(StringRef Key) const {
  SmallString<256> Path(Directory);
  sys::path::append(Path, Key.take_front(2), Key.drop_front(2) + ".json");
  return std::string(Path);
}

std::string ResultCache::hashFile(StringRef Path) {
  auto Buffer = MemoryBuffer::getFile(Path, /*IsText=*/false,
                                      /*RequiresNullTerminator=*/false);
  if (!Buffer)
    return "";
  return toHex(BLAKE3::hash(arrayRefFromStringRef((*Buffer)->getBuffer())),
               /*LowerCase=*/true);
}

const std::string &ResultCache::contentHash(StringRef Path) {
  auto [It, Inserted] = Hashes.try_emplace(Path);
  if (Inserted)
    It->second = hashFile(Path);
  return It->second;
}

std::optional<AnalysisOutcome> ResultCache::lookup(StringRef Key) {
  auto Buffer = MemoryBuffer::getFile(entryPath(Key));
  if (!Buffer)
    return std::nullopt;
  Expected<json::Value> Entry = json::parse((*Buffer)->getBuffer());
  if (!Entry) {
    consumeError(Entry.takeError());
    return std::nullopt;
  }
  const json::Object *Root = Entry->getAsObject();
  const json::Object *Inputs = Root ? Root->getObject("inputs") : nullptr;
  const json::Value *Result = Root ? Root->get("result") : nullptr;
  if (!Inputs || !Result || Root->getInteger("format") != Format)
    return std::nullopt;
  for (const auto &Input : *Inputs) {
    std::optional<StringRef> Hash = Input.second.getAsString();
    if (!Hash || Hash->empty() || contentHash(Input.first.str()) != *Hash)
      return std::nullopt;
  }
  Expected<WorkerResult> Parsed = workerResultFromJson(*Result);
  if (!Parsed) {
    consumeError(Parsed.takeError());
    return std::nullopt;
  }
  AnalysisOutcome Outcome;
  Outcome.Result = std::move(*Parsed);
  // Entries written before costs were kept have none.
  Outcome.CostMs = std::max<int64_t>(Root->getInteger("costMs").value_or(0), 0);
  return Outcome;
}

Error ResultCache::store(StringRef Key, const WorkerResult &Result,
                         uint64_t CostMs, LineTable &Lines) {
  json::Object Inputs;
  for (const std::string &Path : Result.Dependencies) {
    const std::string &Hash = contentHash(Path);
    if (Hash.empty()) // gone already: the entry could never be trusted
      return Error::success();
    sys::fs::file_status Status;
    if (sys::fs::status(Path, Status) ||
        Status.getLastModificationTime() >= Opened)
      return Error::success();
    Inputs[Path] = Hash;
  }
  std::string Path = entryPath(Key);
  if (std::error_code EC =
          sys::fs::create_directories(sys::path::parent_path(Path)))
    return createStringError(EC, "cannot write the cache: " + EC.message());
  json::Value Entry = json::Object{{"format", Format},
                                   {"inputs", std::move(Inputs)},
                                   {"costMs", CostMs},
                                   {"result", toJson(Result, Lines)}};
  return writeToOutput(Path, [&](raw_ostream &OS) {
    OS << Entry;
    return Error::success();
  });
}

} // namespace async_tidy

//===--- RunPlan.cpp ------------------------------------------------------===//

#include "RunPlan.h"
#include "ConfigFiles.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/GlobPattern.h"
#include <set>

using namespace clang;
using namespace llvm;

namespace async_tidy {

namespace {

Error fileError(const Twine &Message) {
  return createStringError(inconvertibleErrorCode(), Message);
}

Expected<std::vector<std::string>>
selectFiles(const DriverOptions &Options,
            const tooling::CompilationDatabase &Database) {
  std::vector<std::string> Files;
  if (!Options.SourcePaths.empty()) {
    for (const std::string &Path : Options.SourcePaths) {
      SmallString<256> Absolute(Path);
      if (std::error_code EC = sys::fs::make_absolute(Absolute))
        return createStringError(EC, "cannot resolve '" + Path +
                                         "': " + EC.message());
      Files.push_back(std::string(Absolute));
    }
    return Files;
  }
  std::vector<GlobPattern> Includes, Excludes;
  for (auto [Globs, Patterns] : {std::make_pair(&Options.Include, &Includes),
                                 std::make_pair(&Options.Exclude, &Excludes)})
    for (const std::string &Glob : *Globs) {
      Expected<GlobPattern> Pattern = GlobPattern::create(Glob);
      if (!Pattern)
        return Pattern.takeError();
      Patterns->push_back(std::move(*Pattern));
    }
  auto MatchesAny = [](const std::vector<GlobPattern> &Patterns, StringRef F) {
    return llvm::any_of(Patterns,
                        [F](const GlobPattern &P) { return P.match(F); });
  };
  std::set<std::string> Unique;
  for (const std::string &File : Database.getAllFiles())
    if ((Includes.empty() || MatchesAny(Includes, File)) &&
        !MatchesAny(Excludes, File))
      Unique.insert(File);
  return std::vector<std::string>(Unique.begin(), Unique.end());
}

/// What identifies this build of the tool in cache keys.
std::string toolIdentity(StringRef Executable) {
  return "async-tidy " ASYNC_TIDY_VERSION " LLVM " LLVM_VERSION_STRING " " +
         ResultCache::hashFile(Executable);
}

} // namespace

Expected<RunPlan> planFiles(DriverOptions &Options, vfs::FileSystem &FS) {
  // An editor's unsaved file need not exist on disk yet.
  if (!Options.isWorker() || Options.WorkerContents.empty())
    for (const std::string &Path : Options.SourcePaths)
      if (!FS.exists(Path))
        return fileError("no such file: '" + Path + "'");

  RunPlan Plan;
  auto Database =
      loadCompilations(std::move(Options.Compilations), Options.SourcePaths);
  if (!Database)
    return Database.takeError();
  Plan.Database = std::move(*Database);
  auto Files = selectFiles(Options, *Plan.Database);
  if (!Files)
    return Files.takeError();
  if (Files->empty())
    return fileError("no files to analyze");
  Plan.Files = std::move(*Files);
  // --config and --config-file replace the .clang-tidy files.
  if (Options.Config.empty() && Options.ConfigFile.empty())
    if (Error E = checkConfigFiles(Plan.Files))
      return std::move(E);
  return std::move(Plan);
}

Error planFindings(RunPlan &Plan, const DriverOptions &Options,
                   vfs::FileSystem &FS) {
  for (const std::string &File : Plan.Files)
    if (!FS.exists(File))
      return fileError("the compilation database names '" + File +
                       "', which does not exist");
  if (!Options.BaselineFile.empty()) {
    auto Loaded = readBaseline(Options.BaselineFile);
    if (!Loaded)
      return Loaded.takeError();
    Plan.Known = std::move(*Loaded);
  }
  if (!Options.ChangedSince.empty()) {
    auto Diff = ChangedLines::sinceRevision(Options.ChangedSince);
    if (!Diff)
      return Diff.takeError();
    Plan.Changed = std::move(*Diff);
  }
  // A profile is wanted only from an analysis that runs.
  if (!Options.CacheDir.empty() && !Options.Analysis.EnableCheckProfile) {
    auto Opened =
        ResultCache::open(Options.CacheDir, toolIdentity(Options.Executable));
    if (!Opened)
      return Opened.takeError();
    Plan.Cache = std::move(*Opened);
  }
  return Error::success();
}

Error planShard(RunPlan &Plan, ShardPlan &Shard, StringRef CostsFile) {
  // Costs are taken only from a file every shard is given, never from what
  // one shard happens to have (its cache): shards that saw different costs
  // would split differently, and a file could fall between them.
  ShardCosts Costs;
  if (!CostsFile.empty()) {
    Expected<ShardCosts> Read = readShardCosts(CostsFile);
    if (!Read)
      return Read.takeError();
    Costs = std::move(*Read);
  }
  std::vector<unsigned> Assigned = assignShards(Plan.Files, Shard.Count, Costs);
  Shard.Files = std::move(Plan.Files);
  Plan.Files.clear();
  for (size_t I = 0; I < Shard.Files.size(); ++I)
    if (Assigned[I] + 1 == Shard.Index) {
      Shard.Positions.push_back(I);
      Plan.Files.push_back(Shard.Files[I]);
    }
  return Error::success();
}

} // namespace async_tidy

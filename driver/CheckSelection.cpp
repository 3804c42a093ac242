//===--- CheckSelection.cpp -----------------------------------------------===//

#include "CheckSelection.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang-tidy/GlobList.h"
#include "llvm/Config/llvm-config.h"
#if LLVM_VERSION_MAJOR < 22 // merged into ClangTidyModule.h since
#include "clang-tidy/ClangTidyModuleRegistry.h"
#endif
#include "clang/StaticAnalyzer/Core/AnalyzerOptions.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringSet.h"
#include <cstdint>

using namespace clang::tidy;

namespace async_tidy {

std::string keepAsyncChecksOn(llvm::StringRef Checks) {
  if (Checks.contains("async-"))
    return Checks.str();
  std::string Result = Checks.rtrim(" ,\n").str();
  if (!Result.empty())
    Result += ",";
  return Result + "async-*";
}

namespace {
enum class DefaultState : uint8_t { On, OptIn };
struct CatalogEntry {
  llvm::StringRef Name;
  DefaultState State;
};
constexpr CatalogEntry Catalog[] = {
#define ASYNC_CHECK(Name, Class, Header, Default, Summary)                     \
  {Name, DefaultState::Default},
#include "checks/CheckCatalog.def"
};

/// Whether a glob of \p Checks turns on \p Name by its full name.
bool namesInFull(llvm::StringRef Checks, llvm::StringRef Name) {
  llvm::SmallVector<llvm::StringRef, 16> Globs;
  Checks.split(Globs, ',', -1, /*KeepEmpty=*/false);
  return llvm::any_of(
      Globs, [&](llvm::StringRef Glob) { return Glob.trim() == Name; });
}

/// "-<check>" for each opt-in check that no source names in full.
std::string optInChecksOff(
    const std::vector<ClangTidyOptionsProvider::OptionsSource> &Sources) {
  std::string Off;
  for (const CatalogEntry &Entry : Catalog) {
    if (Entry.State != DefaultState::OptIn ||
        llvm::any_of(
            Sources,
            [&](const ClangTidyOptionsProvider::OptionsSource &Source) {
              return Source.first.Checks &&
                     namesInFull(*Source.first.Checks, Entry.Name);
            }))
      continue;
    if (!Off.empty())
      Off += ",";
    Off += "-" + Entry.Name.str();
  }
  return Off;
}

class AsyncChecksOnProvider : public ClangTidyOptionsProvider {
public:
  explicit AsyncChecksOnProvider(
      std::unique_ptr<ClangTidyOptionsProvider> Inner)
      : Inner(std::move(Inner)) {}

  const ClangTidyGlobalOptions &getGlobalOptions() override {
    return Inner->getGlobalOptions();
  }

  std::vector<OptionsSource> getRawOptions(llvm::StringRef FileName) override {
    std::vector<OptionsSource> Sources = Inner->getRawOptions(FileName);
    for (OptionsSource &Source : Sources) {
      if (!Source.first.Checks)
        continue;
      std::string Kept = keepAsyncChecksOn(*Source.first.Checks);
      // The source's name is what --explain-config shows.
      if (Kept != *Source.first.Checks)
        Source.second += " (with async-* added: it names no async check)";
      Source.first.Checks = std::move(Kept);
    }
    // Last, so that no glob before it turns them back on.
    if (std::string Off = optInChecksOff(Sources); !Off.empty()) {
      ClangTidyOptions OptInOff;
      OptInOff.Checks = std::move(Off);
      Sources.emplace_back(std::move(OptInOff),
                           "async-tidy: opt-in checks not named in full");
    }
    return Sources;
  }

private:
  std::unique_ptr<ClangTidyOptionsProvider> Inner;
};
} // namespace

std::unique_ptr<ClangTidyOptionsProvider>
withAsyncChecksOn(std::unique_ptr<ClangTidyOptionsProvider> Inner) {
  return std::make_unique<AsyncChecksOnProvider>(std::move(Inner));
}

/// The names every module registers and the static analyzer's checkers
/// under clang-tidy's prefix. Only the factories are made: constructing
/// every check to list them (getAllChecksAndOptions) costs milliseconds,
/// and a worker process pays it for each file.
static const llvm::StringSet<> &knownCheckNames() {
  static const llvm::StringSet<> Names = [] {
    llvm::StringSet<> Result;
    ClangTidyCheckFactories Factories;
    for (const ClangTidyModuleRegistry::entry &Module :
         ClangTidyModuleRegistry::entries())
      Module.instantiate()->addCheckFactories(Factories);
    for (const auto &Factory : Factories)
      Result.insert(Factory.getKey());
    for (llvm::StringRef Checker :
         clang::AnalyzerOptions::getRegisteredCheckers())
      Result.insert(("clang-analyzer-" + Checker).str());
    return Result;
  }();
  return Names;
}

std::string closestName(llvm::StringRef Name, const llvm::StringSet<> &Known) {
  unsigned Best = 5;
  llvm::StringRef Closest;
  for (const auto &Entry : Known) {
    llvm::StringRef Candidate = Entry.getKey();
    unsigned Distance = Name.edit_distance_insensitive(
        Candidate, /*AllowReplacements=*/true, Best);
    // Ties go to the first name in sort order, so the suggestion does not
    // depend on hashing.
    if (Distance < Best ||
        (Distance == Best && !Closest.empty() && Candidate < Closest)) {
      Best = Distance;
      Closest = Candidate;
    }
  }
  return Closest.str();
}

bool isKnownCheck(llvm::StringRef Name) {
  return knownCheckNames().contains(Name);
}

std::string closestCheckName(llvm::StringRef Name) {
  return closestName(Name, knownCheckNames());
}

std::string simplifiedChecks(llvm::StringRef Checks) {
  llvm::SmallVector<llvm::StringRef, 16> Split, Globs;
  Checks.split(Split, ',', -1, /*KeepEmpty=*/false);
  for (llvm::StringRef Glob : Split) {
    Glob = Glob.trim();
    if (!Glob.empty())
      Globs.push_back(Glob);
  }
  auto Reset = llvm::find(llvm::reverse(Globs), "-*");
  size_t First =
      Reset == Globs.rend() ? 0 : Globs.size() - 1 - (Reset - Globs.rbegin());
  std::string Result;
  for (size_t I = First; I < Globs.size(); ++I) {
    if (llvm::is_contained(llvm::ArrayRef(Globs).drop_front(I + 1), Globs[I]))
      continue;
    if (!Result.empty())
      Result += ",";
    Result += Globs[I].str();
  }
  return Result;
}

std::vector<std::string> checkGlobProblems(llvm::StringRef Checks,
                                           llvm::StringRef Source) {
  const llvm::StringSet<> &Known = knownCheckNames();
  std::vector<std::string> Problems;
  llvm::SmallVector<llvm::StringRef, 16> Globs;
  Checks.split(Globs, ',', -1, /*KeepEmpty=*/false);
  for (llvm::StringRef Glob : Globs) {
    Glob = Glob.trim();
    llvm::StringRef Name = Glob;
    Name.consume_front("-");
    if (Name.empty() || Name.starts_with("clang-diagnostic-"))
      continue;
    if (Name.find_first_of("*?[") != llvm::StringRef::npos) {
      GlobList Pattern(Name);
      if (llvm::none_of(Known, [&](const auto &Entry) {
            return Pattern.contains(Entry.getKey());
          }))
        Problems.push_back(("check glob '" + Glob + "' in " + Source +
                            " matches no known check")
                               .str());
      continue;
    }
    if (Known.contains(Name))
      continue;
    std::string Problem = ("unknown check '" + Name + "' in " + Source).str();
    if (std::string Closest = closestName(Name, Known); !Closest.empty())
      Problem += "; did you mean '" + Closest + "'?";
    Problems.push_back(std::move(Problem));
  }
  return Problems;
}

} // namespace async_tidy

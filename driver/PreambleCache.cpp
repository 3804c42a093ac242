//===--- PreambleCache.cpp ------------------------------------------------===//

#include "PreambleCache.h"
#include "RecordingFileSystem.h"
#include "TidyCompat.h"
#include "clang/Frontend/FrontendOptions.h"
#include "llvm/ADT/StringExtras.h"

using namespace clang;
using namespace llvm;

namespace async_tidy {

namespace {

/// The checks follow calls into the bodies of inline functions in headers,
/// which a preamble skips by default.
class WholeBodies : public PreambleCallbacks {
public:
  bool shouldSkipFunctionBody(Decl *) override { return false; }
};

} // namespace

bool PreambleCache::use(CompilerInvocation &Invocation,
                        IntrusiveRefCntPtr<vfs::FileSystem> &VFS) {
  LastUsed.clear();
  std::string File = Invocation.getFrontendOpts().Inputs[0].getFile().str();
  ErrorOr<std::unique_ptr<MemoryBuffer>> Contents = VFS->getBufferForFile(File);
  if (!Contents)
    return false; // The parse reports it.
  // PrecompiledPreamble::CanReuse compares the text and the headers, not
  // the flags they were parsed with.
  std::string Command = join(Invocation.getCC1CommandLine(), "\n");
  PreambleBounds Bounds = ComputePreambleBounds(
      Invocation.getLangOpts(), (*Contents)->getMemBufferRef(),
      /*MaxLines=*/0);
  auto It = ByFile.find(File);
  if (It != ByFile.end() && It->second.Command == Command &&
      It->second.Preamble.CanReuse(Invocation, (*Contents)->getMemBufferRef(),
                                   Bounds, *VFS)) {
    if (!It->second.Usable)
      return false;
    // The compiler's source manager takes the buffer over.
    It->second.Preamble.AddImplicitPreamble(Invocation, VFS,
                                            Contents->release());
    LastUsed = It->second.Inputs;
    return true;
  }
  if (Bounds.Size == 0)
    return false; // No include block: nothing to save.
  Next = Pending{File,
                 std::move(Command),
                 std::make_shared<CompilerInvocation>(Invocation),
                 std::move(*Contents),
                 Bounds,
                 VFS};
  return false;
}

void PreambleCache::buildPending() {
  if (!Next)
    return;
  Pending Build = std::move(*Next);
  Next.reset();
  ByFile.erase(Build.File);
  auto Inputs = std::make_shared<StringSet<>>();
  // The main file is the preamble's too, but Build reads it from Contents.
  Inputs->insert(Build.File);
  auto FS = makeIntrusiveRefCnt<RecordingFileSystem>(Build.VFS, Inputs);
  // The engine counts what the build reports; nothing is printed.
  IgnoringDiagConsumer Silent;
  IntrusiveRefCntPtr<DiagnosticsEngine> Diagnostics =
      makeCompileDiagnostics(*Build.Invocation, *FS, Silent);
  // The headers' own template uses are instantiated once here, not at the
  // end of every parse that reuses the preamble (clang's
  // -fpch-instantiate-templates); the option is benign, so the parses that
  // load it need not set it.
  Build.Invocation->getLangOpts().PCHInstantiateTemplates = true;
  WholeBodies Callbacks;
  ErrorOr<PrecompiledPreamble> Built = PrecompiledPreamble::Build(
      *Build.Invocation, Build.Contents.get(), Build.Bounds, *Diagnostics, FS,
      std::make_shared<PCHContainerOperations>(), /*StoreInMemory=*/true,
      /*StoragePath=*/"", Callbacks);
  if (!Built)
    return;
  std::vector<std::string> Paths;
  for (const auto &Input : *Inputs)
    Paths.push_back(Input.getKey().str());
  bool Usable =
      !Diagnostics->hasErrorOccurred() && Diagnostics->getNumWarnings() == 0;
  ByFile.emplace(Build.File, Entry{std::move(Build.Command), std::move(*Built),
                                   Usable, std::move(Paths)});
}

bool PreambleCache::holdsPreamble() const {
  return llvm::any_of(ByFile,
                      [](const auto &Entry) { return Entry.second.Usable; });
}

} // namespace async_tidy

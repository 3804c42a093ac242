//===--- OptionsProvider.cpp ----------------------------------------------===//

#include "OptionsProvider.h"
#include "CheckSelection.h"
#include "ConfigFiles.h"
#include "llvm/Support/MemoryBuffer.h"

using namespace clang::tidy;
using namespace llvm;

namespace async_tidy {

Expected<std::unique_ptr<ClangTidyOptionsProvider>>
makeOptionsProvider(const DriverOptions &Options,
                    IntrusiveRefCntPtr<vfs::FileSystem> FS) {
  ClangTidyGlobalOptions Global;
  if (std::error_code EC = parseLineFilter(Options.LineFilter, Global))
    return createStringError(EC, "invalid --line-filter: " + EC.message());
  ClangTidyOptions Defaults = ClangTidyOptions::getDefaults();
  Defaults.Checks = DefaultChecks;
  Defaults.HeaderFilterRegex = "";
  Defaults.ExcludeHeaderFilterRegex = "";
  Defaults.SystemHeaders = false;

  std::string ConfigText = Options.Config;
  std::string ConfigSource = "--config";
  if (!Options.ConfigFile.empty()) {
    if (!Options.Config.empty())
      return createStringError(inconvertibleErrorCode(),
                               "--config and --config-file exclude each other");
    auto Buffer = MemoryBuffer::getFile(Options.ConfigFile);
    if (!Buffer)
      return createStringError(
          Buffer.getError(), "cannot read config file '" + Options.ConfigFile +
                                 "': " + Buffer.getError().message());
    ConfigText = (*Buffer)->getBuffer().str();
    ConfigSource = Options.ConfigFile;
  }

  std::unique_ptr<ClangTidyOptionsProvider> Provider;
  if (!ConfigText.empty()) {
    auto Parsed = parseConfigText(ConfigText, ConfigSource);
    if (!Parsed)
      return Parsed.takeError();
    Provider = std::make_unique<ConfigOptionsProvider>(
        std::move(Global), std::move(Defaults), std::move(*Parsed),
        Options.Overrides, std::move(FS));
  } else {
    Provider = std::make_unique<FileOptionsProvider>(
        std::move(Global), std::move(Defaults), Options.Overrides,
        std::move(FS));
  }
  return withAsyncChecksOn(std::move(Provider));
}

Expected<IntrusiveRefCntPtr<vfs::OverlayFileSystem>>
makeFileSystem(StringRef VfsOverlay) {
  auto Real = vfs::getRealFileSystem();
  auto FS = makeIntrusiveRefCnt<vfs::OverlayFileSystem>(Real);
  if (VfsOverlay.empty())
    return FS;
  auto Buffer = MemoryBuffer::getFile(VfsOverlay);
  if (!Buffer)
    return createStringError(Buffer.getError(),
                             "cannot read --vfsoverlay file '" + VfsOverlay +
                                 "': " + Buffer.getError().message());
  std::unique_ptr<vfs::FileSystem> Overlay =
      vfs::getVFSFromYAML(std::move(*Buffer), nullptr, VfsOverlay);
  if (!Overlay)
    return createStringError(inconvertibleErrorCode(),
                             "invalid --vfsoverlay file '" + VfsOverlay + "'");
  FS->pushOverlay(IntrusiveRefCntPtr<vfs::FileSystem>(Overlay.release()));
  return FS;
}

} // namespace async_tidy

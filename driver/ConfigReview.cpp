//===--- ConfigReview.cpp -------------------------------------------------===//

#include "ConfigReview.h"
#include "CheckOptionProblems.h"
#include "CheckSelection.h"
#include "ConfigFiles.h"
#include "RunReporter.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace async_tidy {

ConfigReview reviewConfig(const DriverOptions &Options,
                          clang::tidy::ClangTidyOptionsProvider &Provider,
                          const std::vector<std::string> &Files,
                          bool WithValues) {
  ConfigReview Review;
  if (Options.Overrides.Checks)
    append_range(Review.Warnings,
                 checkGlobProblems(*Options.Overrides.Checks, "--checks"));
  // --config and --config-file replace the .clang-tidy files; the options
  // provider has read and parsed them already.
  std::string Text = Options.Config, Source = "--config";
  if (!Options.ConfigFile.empty()) {
    Source = "'" + Options.ConfigFile + "'";
    if (auto Buffer = MemoryBuffer::getFile(Options.ConfigFile))
      Text = (*Buffer)->getBuffer().str();
  }
  if (!Text.empty()) {
    auto Parsed = parseConfigText(Text, Source);
    if (!Parsed)
      consumeError(Parsed.takeError());
    else if (std::optional<std::string> Checks = Parsed->Checks)
      append_range(Review.Warnings, checkGlobProblems(*Checks, Source));
  } else {
    append_range(Review.Warnings, configFileCheckProblems(Files));
  }
  CheckOptionProblems OptionProblems =
      findCheckOptionProblems(Provider, Files.front(), WithValues);
  append_range(Review.Warnings, OptionProblems.UnknownNames);
  Review.Errors = std::move(OptionProblems.BadValues);
  return Review;
}

void printConfigWarnings(const ConfigReview &Review) {
  for (const std::string &Warning : Review.Warnings)
    WithColor::warning(errs(), "async-tidy") << Warning << "\n";
}

int verifyConfig(const DriverOptions &Options,
                 clang::tidy::ClangTidyOptionsProvider &Provider,
                 StringRef File) {
  if (Options.Config.empty() && Options.ConfigFile.empty())
    if (Error E = checkConfigFiles({File.str()}))
      return fail(toString(std::move(E)));
  ConfigReview Review =
      reviewConfig(Options, Provider, {File.str()}, /*WithValues=*/true);
  printConfigWarnings(Review);
  for (const std::string &Error : Review.Errors)
    WithColor::error(errs(), "async-tidy") << Error << "\n";
  if (!Review.Warnings.empty() || !Review.Errors.empty())
    return Findings;
  outs() << "No config errors detected.\n";
  return Clean;
}

} // namespace async_tidy

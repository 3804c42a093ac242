//===--- Compilations.cpp -------------------------------------------------===//

#include "Compilations.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/CommonOptionsParser.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

using namespace clang::tooling;

namespace async_tidy {

static llvm::Error error(const llvm::Twine &Message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Message);
}

/// A database from -p: a directory holding compile_commands.json (or
/// compile_flags.txt), or the JSON file itself.
static llvm::Expected<std::unique_ptr<CompilationDatabase>>
loadBuildPath(llvm::StringRef BuildPath) {
  std::string Message;
  if (!llvm::sys::fs::exists(BuildPath))
    return error("compilation database path '" + BuildPath +
                 "' does not exist");
  std::unique_ptr<CompilationDatabase> Database;
  if (llvm::sys::fs::is_directory(BuildPath))
    Database = CompilationDatabase::loadFromDirectory(BuildPath, Message);
  else
    Database = JSONCompilationDatabase::loadFromFile(
        BuildPath, Message, JSONCommandLineSyntax::AutoDetect);
  if (!Database)
    return error("cannot load the compilation database at '" + BuildPath +
                 "': " + llvm::StringRef(Message).trim());
  return std::move(Database);
}

llvm::Expected<std::unique_ptr<CompilationDatabase>>
loadCompilations(CompilationSetup Setup,
                 const std::vector<std::string> &Files) {
  std::unique_ptr<CompilationDatabase> Database = std::move(Setup.Fixed);
  if (!Database && !Setup.BuildPath.empty()) {
    auto Loaded = loadBuildPath(Setup.BuildPath);
    if (!Loaded)
      return Loaded.takeError();
    Database = inferMissingCompileCommands(std::move(*Loaded));
  }
  if (!Database && !Files.empty()) {
    std::string Message;
    Database =
        CompilationDatabase::autoDetectFromSource(Files.front(), Message);
    if (Database)
      Database = inferMissingCompileCommands(std::move(Database));
  }
  if (!Database)
    return error("no compilation database found; pass -p <build-dir> with a "
                 "compile_commands.json, or compiler flags after '--'");

  // Our binary does not sit beside Clang's builtin headers; point at them
  // unless the command already does. -fno-caret-diagnostics only silences
  // the compiler's "N warnings generated" line: findings are printed by the
  // driver with their own options.
  ArgumentsAdjuster AddResourceDir = [](const CommandLineArguments &Args,
                                        llvm::StringRef) {
    CommandLineArguments Result = Args;
    auto After = Result.begin() + (Result.empty() ? 0 : 1);
    After = std::next(Result.insert(After, "-fno-caret-diagnostics"));
    if (llvm::none_of(Args, [](llvm::StringRef Arg) {
          return Arg.starts_with("-resource-dir");
        }))
      Result.insert(After, "-resource-dir=" ASYNC_TIDY_RESOURCE_DIR);
    return Result;
  };
  auto Adjusting =
      std::make_unique<ArgumentsAdjustingCompilations>(std::move(Database));
  Adjusting->appendArgumentsAdjuster(AddResourceDir);
  if (!Setup.ExtraArgsBefore.empty())
    Adjusting->appendArgumentsAdjuster(getInsertArgumentAdjuster(
        Setup.ExtraArgsBefore, ArgumentInsertPosition::BEGIN));
  if (!Setup.ExtraArgs.empty())
    Adjusting->appendArgumentsAdjuster(getInsertArgumentAdjuster(
        Setup.ExtraArgs, ArgumentInsertPosition::END));
  return std::move(Adjusting);
}

} // namespace async_tidy

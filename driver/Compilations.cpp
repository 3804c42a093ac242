//===--- Compilations.cpp -------------------------------------------------===//

#include "Compilations.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/CommonOptionsParser.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/Support/ConvertUTF.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

using namespace clang::tooling;

namespace async_tidy {

static llvm::Error error(const llvm::Twine &Message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Message);
}

/// Checks a compile_commands.json before Clang's reader sees it: that
/// reader keeps the entries before a syntax error and drops the rest
/// silently (a truncated file loses files), and takes an entry with no
/// command, which then fails as a compile error of that file.
static llvm::Error checkCompileCommands(llvm::StringRef Path) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  if (!Buffer)
    return error(Buffer.getError().message());
  // JSON is UTF-8, but build systems write paths as they find them: judge
  // the structure only.
  std::string Text = (*Buffer)->getBuffer().str();
  if (!llvm::json::isUTF8(Text))
    Text = llvm::json::fixUTF8(Text);
  llvm::Expected<llvm::json::Value> Parsed = llvm::json::parse(Text);
  if (!Parsed)
    return Parsed.takeError();
  const llvm::json::Array *Entries = Parsed->getAsArray();
  if (!Entries)
    return error("expected an array of entries");
  for (size_t I = 0; I < Entries->size(); ++I) {
    auto Fault = [I](const llvm::Twine &What) {
      return error("entry " + llvm::Twine(I + 1) + " " + What);
    };
    const llvm::json::Object *Entry = (*Entries)[I].getAsObject();
    if (!Entry)
      return Fault("is not an object");
    for (llvm::StringRef Key : {"directory", "file"})
      if (!Entry->getString(Key))
        return Fault("has no \"" + Key + "\" string");
    std::optional<llvm::StringRef> Command = Entry->getString("command");
    const llvm::json::Array *Arguments = Entry->getArray("arguments");
    if ((!Command || Command->trim().empty()) &&
        (!Arguments || Arguments->empty()))
      return Fault("has no \"command\" or \"arguments\"");
    if (Arguments && llvm::any_of(*Arguments, [](const llvm::json::Value &A) {
          return !A.getAsString();
        }))
      return Fault("has \"arguments\" that are not all strings");
  }
  return llvm::Error::success();
}

/// A database from -p: a directory holding compile_commands.json (or
/// compile_flags.txt), or the JSON file itself.
static llvm::Expected<std::unique_ptr<CompilationDatabase>>
loadBuildPath(llvm::StringRef BuildPath) {
  if (!llvm::sys::fs::exists(BuildPath))
    return error("compilation database path '" + BuildPath +
                 "' does not exist");
  auto Fail = [](llvm::StringRef Where, const llvm::Twine &Why) {
    return error("cannot load the compilation database at '" + Where +
                 "': " + Why);
  };
  bool IsDirectory = llvm::sys::fs::is_directory(BuildPath);
  llvm::SmallString<256> Json(BuildPath), Flags(BuildPath);
  if (IsDirectory) {
    llvm::sys::path::append(Json, "compile_commands.json");
    llvm::sys::path::append(Flags, "compile_flags.txt");
    if (!llvm::sys::fs::exists(Json) && !llvm::sys::fs::exists(Flags))
      return Fail(BuildPath,
                  "it holds no compile_commands.json or compile_flags.txt");
  }
  if (!IsDirectory || llvm::sys::fs::exists(Json))
    if (llvm::Error E = checkCompileCommands(Json))
      return Fail(Json, llvm::toString(std::move(E)));
  std::string Message;
  std::unique_ptr<CompilationDatabase> Database =
      IsDirectory ? CompilationDatabase::loadFromDirectory(BuildPath, Message)
                  : JSONCompilationDatabase::loadFromFile(
                        Json, Message, JSONCommandLineSyntax::AutoDetect);
  if (!Database)
    return Fail(BuildPath, llvm::StringRef(Message).trim());
  return std::move(Database);
}

/// The folder whose database clangd would take for a file in \p Start (or
/// for \p Start itself, a folder): the nearest one upwards that holds a
/// compile_commands.json or compile_flags.txt, or whose build/ subfolder
/// holds a compile_commands.json (the usual CMake layout). Empty if none.
static std::string databaseFolderAbove(llvm::StringRef Start) {
  llvm::SmallString<256> Dir(Start);
  if (llvm::sys::fs::make_absolute(Dir))
    return {};
  if (!llvm::sys::fs::is_directory(Dir))
    llvm::sys::path::remove_filename(Dir);
  auto Has = [](llvm::StringRef D, llvm::StringRef Name) {
    llvm::SmallString<256> Path(D);
    llvm::sys::path::append(Path, Name);
    return llvm::sys::fs::exists(Path);
  };
  for (llvm::StringRef D = Dir; !D.empty();
       D = llvm::sys::path::parent_path(D)) {
    if (Has(D, "compile_commands.json") || Has(D, "compile_flags.txt"))
      return D.str();
    llvm::SmallString<256> Build(D);
    llvm::sys::path::append(Build, "build");
    if (Has(Build, "compile_commands.json"))
      return std::string(Build);
  }
  return {};
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
  if (!Database) {
    // As clangd: from the first file, or from the current folder when no
    // file is named (async-tidy run inside build/).
    std::string Folder =
        databaseFolderAbove(Files.empty() ? "." : Files.front());
    if (Folder.empty())
      return error("no compilation database found in the folders above " +
                   (Files.empty() ? std::string("the current folder")
                                  : "'" + Files.front() + "'") +
                   " or their build/ subfolders; pass -p <build-dir> with a "
                   "compile_commands.json, or compiler flags after '--'");
    llvm::SmallString<256> Json(Folder);
    llvm::sys::path::append(Json, "compile_commands.json");
    if (llvm::sys::fs::exists(Json))
      if (llvm::Error E = checkCompileCommands(Json))
        return error("cannot load the compilation database at '" + Json +
                     "': " + llvm::toString(std::move(E)));
    std::string Message;
    Database = CompilationDatabase::loadFromDirectory(Folder, Message);
    if (!Database)
      return error("cannot load the compilation database in '" + Folder +
                   "': " + llvm::StringRef(Message).trim());
    Database = inferMissingCompileCommands(std::move(Database));
  }

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

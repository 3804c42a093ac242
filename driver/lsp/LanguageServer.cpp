//===--- LanguageServer.cpp - `async-tidy lsp` options and message loop ---===//

#include "LanguageServer.h"
#include "../CheckSelection.h"
#include "../ExitStatus.h"
#include "../ParseArguments.h"
#include "Server.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;
using namespace async_tidy::lsp;

namespace async_tidy {

static constexpr StringLiteral Tool = "async-tidy lsp";

int runLanguageServer(int Argc, const char **Argv) {
  // A subcommand of its own: the batch driver's options, some of the same
  // names, are not the server's.
  static cl::SubCommand Lsp("lsp", "Language server over stdin/stdout");
  static cl::OptionCategory Category("async-tidy lsp options");
  static cl::opt<std::string> CompileCommandsDir(
      "compile-commands-dir",
      cl::desc("Directory of compile_commands.json (default: the nearest "
               "one above each file)"),
      cl::value_desc("dir"), cl::sub(Lsp), cl::cat(Category));
  static cl::opt<unsigned> DebounceMs(
      "debounce-ms",
      cl::desc("Wait this long after an edit before analyzing the buffer"),
      cl::init(300), cl::sub(Lsp), cl::cat(Category));
  static cl::opt<std::string> Checks(
      "checks", cl::desc("Comma-separated globs of checks, as in async-tidy"),
      cl::sub(Lsp), cl::cat(Category));
  static cl::opt<std::string> ConfigFile(
      "config-file", cl::desc("Read the configuration from this file"),
      cl::value_desc("file"), cl::sub(Lsp), cl::cat(Category));
  static cl::opt<unsigned> Jobs("j", cl::desc("Analyses to run at once"),
                                cl::init(2), cl::sub(Lsp), cl::cat(Category));
  static cl::opt<unsigned> Timeout(
      "timeout",
      cl::desc("Seconds an analysis may take before it is stopped (0: no "
               "limit)"),
      cl::init(120), cl::sub(Lsp), cl::cat(Category));
  static cl::opt<bool> BackgroundIndex(
      "background-index",
      cl::desc("With --compile-commands-dir: keep the project's summary "
               "index up to date in the background, so that calls into "
               "other files are followed (default: true)"),
      cl::init(true), cl::sub(Lsp), cl::cat(Category));
  static cl::opt<std::string> IndexDir(
      "index-dir",
      cl::desc("Where the background index is kept (default: "
               ".async-tidy-index in the compile commands' directory)"),
      cl::value_desc("dir"), cl::sub(Lsp), cl::cat(Category));
  static cl::opt<bool> PartialReparse(
      "partial-reparse",
      cl::desc("After an edit inside a function body, parse again only the "
               "declarations the edit can reach and keep the findings of "
               "the others (default: true)"),
      cl::init(true), cl::sub(Lsp), cl::cat(Category));
  static cl::list<std::string> WorkerArgs(
      "worker-arg",
      cl::desc("Pass an argument to each analysis (e.g. --extra-arg=...)"),
      cl::sub(Lsp), cl::cat(Category));

  std::vector<const char *> Args{"async-tidy", "lsp"};
  Args.insert(Args.end(), Argv + 1, Argv + Argc);
  cl::HideUnrelatedOptions(Category, Lsp);
  if (!parseArguments(static_cast<int>(Args.size()), Args.data(),
                      "async-tidy lsp: the async-* checks in an editor, "
                      "through the Language Server Protocol on stdin/stdout.\n",
                      Tool))
    return ToolError;
  // Unknown names are warnings, as in the batch driver.
  for (const std::string &Problem : checkGlobProblems(Checks, "--checks"))
    WithColor::warning(errs(), "async-tidy") << Problem << "\n";
  if (!ConfigFile.empty() && !sys::fs::exists(ConfigFile))
    return fail("no such config file: '" + ConfigFile + "'", Tool);
  if (!CompileCommandsDir.empty() && !sys::fs::is_directory(CompileCommandsDir))
    return fail("no such directory: '" + CompileCommandsDir + "'", Tool);
  if (Jobs == 0)
    return fail("-j must be at least 1", Tool);

  ServerOptions Options;
  Options.Worker.Executable =
      sys::fs::getMainExecutable(Argv[0], reinterpret_cast<void *>(&fail));
  Options.Worker.CompileCommandsDir = CompileCommandsDir;
  Options.Worker.Checks = Checks;
  Options.Worker.ConfigFile = ConfigFile;
  Options.Worker.ExtraArgs.assign(WorkerArgs.begin(), WorkerArgs.end());
  Options.Worker.TimeoutSeconds = Timeout;
  Options.Worker.PartialReparse = PartialReparse;
  if (BackgroundIndex && !CompileCommandsDir.empty()) {
    SmallString<256> Dir(IndexDir);
    if (Dir.empty()) {
      Dir = CompileCommandsDir;
      sys::path::append(Dir, ".async-tidy-index");
    }
    if (std::error_code EC = sys::fs::make_absolute(Dir))
      return fail("cannot locate the index folder '" + Dir +
                      "': " + EC.message(),
                  Tool);
    Options.IndexDir = std::string(Dir);
  }
  Options.Debounce = std::chrono::milliseconds(DebounceMs);
  Options.Jobs = Jobs;

  Transport Client(stdin, outs());
  Server Server(Client, std::move(Options));
  for (;;) {
    Incoming Message = Client.read();
    switch (Message.What) {
    case Incoming::Message:
      if (std::optional<int> Exit = Server.handleMessage(Message.Value))
        return *Exit;
      break;
    case Incoming::BadJson:
      Server.reportParseError(Message.Error);
      break;
    case Incoming::BadHeader:
      // Without a length the next message cannot be found.
      return fail("malformed message header: " + Message.Error, Tool);
    case Incoming::End:
      if (Server.shutdownRequested())
        return 0;
      WithColor::error(errs(), Tool)
          << "the input ended without 'shutdown' and 'exit'\n";
      return 1;
    }
  }
}

} // namespace async_tidy

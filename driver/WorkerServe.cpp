//===--- WorkerServe.cpp --------------------------------------------------===//

#include "WorkerServe.h"
#include "EditorCaches.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"
#include <cerrno>
#include <optional>
#include <string>
#include <sys/socket.h>
#include <unistd.h>

using namespace llvm;

namespace async_tidy {

namespace {

/// The socket to the parent (WorkerServe.h).
constexpr int Channel = 3;

/// LLVM has no line-oriented reader of a descriptor; this one is small.
class Lines {
public:
  /// The next line, or nothing at the end of the input.
  std::optional<std::string> next() {
    for (;;) {
      size_t End = Buffer.find('\n');
      if (End != std::string::npos) {
        std::string Line = Buffer.substr(0, End);
        Buffer.erase(0, End + 1);
        return Line;
      }
      char Chunk[4096];
      ssize_t Read = ::read(Channel, Chunk, sizeof(Chunk));
      if (Read < 0 && errno == EINTR)
        continue;
      if (Read <= 0)
        return std::nullopt;
      Buffer.append(Chunk, Read);
    }
  }

private:
  std::string Buffer;
};

bool say(StringRef Message) {
  std::string Line = Message.str() + "\n";
  for (size_t Sent = 0; Sent < Line.size();) {
    // Not SIGPIPE when the parent has gone: this worker just ends.
    ssize_t Written =
        ::send(Channel, Line.data() + Sent, Line.size() - Sent, MSG_NOSIGNAL);
    if (Written < 0 && errno == EINTR)
      continue;
    if (Written <= 0)
      return false;
    Sent += Written;
  }
  return true;
}

/// The command line a one-file worker would get: \p Base with the buffer
/// and the file before "--", as the -j pool used to start it.
std::vector<std::string> commandFor(ArrayRef<std::string> Base,
                                    const json::Object &Request) {
  auto Split = llvm::find(Base, "--");
  std::vector<std::string> Command(Base.begin(), Split);
  if (std::optional<StringRef> Contents = Request.getString("contents"))
    Command.push_back(("--worker-contents=" + *Contents).str());
  Command.push_back(Request.getString("file").value_or("").str());
  Command.insert(Command.end(), Split, Base.end());
  return Command;
}

} // namespace

bool isServingWorker(ArrayRef<const char *> Argv) {
  return llvm::any_of(Argv.drop_front(), [](const char *Arg) {
    return StringRef(Arg) == ServeFlag;
  });
}

int serveParentProcess(
    ArrayRef<const char *> Argv,
    function_ref<int(ArrayRef<const char *>, EditorCaches *)> AnalyzeOne) {
  std::vector<std::string> Base;
  uint64_t LimitMiB = 0;
  for (StringRef Arg : Argv) {
    if (Arg.consume_front(MemoryLimitFlag)) {
      if (Arg.getAsInteger(10, LimitMiB))
        LimitMiB = 0;
    } else if (Arg != ServeFlag) {
      Base.push_back(Arg.str());
    }
  }
  EditorCaches Caches;
  PreambleCache &Preambles = Caches.Preambles;
  Lines Requests;
  while (std::optional<std::string> Line = Requests.next()) {
    Expected<json::Value> Parsed = json::parse(*Line);
    const json::Object *Request = Parsed ? Parsed->getAsObject() : nullptr;
    if (!Request || !Request->getString("file")) {
      consumeError(Parsed.takeError());
      errs() << "async-tidy: error: malformed request: " << *Line << "\n";
      return 2;
    }
    // Where this analysis's output starts in the file that stdout and
    // stderr share: the parent may read "start" only after the output.
    outs().flush();
    off_t OutputStart = ::lseek(STDOUT_FILENO, 0, SEEK_CUR);
    if (!say("start " + std::to_string(OutputStart < 0 ? 0 : OutputStart)))
      return 0;
    bool KeepPreambles = Request->getBoolean("preamble").value_or(false);
    Caches.ReuseDeclarations =
        KeepPreambles && Request->getBoolean("declarations").value_or(false);
    std::vector<std::string> Command = commandFor(Base, *Request);
    std::vector<const char *> Args;
    Args.reserve(Command.size());
    for (const std::string &Arg : Command)
      Args.push_back(Arg.c_str());
    // Each analysis parses its command line afresh, as its own process did.
    cl::ResetAllOptionOccurrences();
    int Status = AnalyzeOne(Args, KeepPreambles ? &Caches : nullptr);
    outs().flush();
    bool Reused = KeepPreambles && !Preambles.lastUsedInputs().empty();
    bool Exiting =
        LimitMiB && sys::Process::GetMallocUsage() > (LimitMiB << 20);
    std::string Partial;
    if (auto Reach = Caches.Bodies.lastReach(); KeepPreambles && Reach)
      Partial = " partial " + std::to_string(Reach->first) + "/" +
                std::to_string(Reach->second);
    if (!say("done " + std::to_string(Status) + (Reused ? " reused" : "") +
             Partial + (Exiting ? " exiting" : "")) ||
        Exiting)
      return 0;
    if (KeepPreambles) {
      // After the result: the editor has it while the preamble builds.
      Preambles.buildPending();
      if (!say(Preambles.holdsPreamble() ? "preamble 1" : "preamble 0"))
        return 0;
    }
  }
  return 0;
}

} // namespace async_tidy

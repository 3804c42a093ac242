//===--- ServingWorker.cpp ------------------------------------------------===//

#include "ServingWorker.h"
#include "WorkerExit.h"
#include "WorkerServe.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Signals.h"
#include "llvm/Support/raw_ostream.h"
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/socket.h>
#include <unistd.h>

extern char **environ; // NOLINT(readability-redundant-declaration)

using namespace llvm;

namespace async_tidy {

namespace {

Error systemError(const Twine &What) {
  return createStringError(std::error_code(errno, std::generic_category()),
                           What + ": " + std::strerror(errno));
}

std::string readFrom(StringRef Path, uint64_t Offset) {
  auto Buffer = MemoryBuffer::getFile(Path);
  if (!Buffer)
    return "";
  return (*Buffer)->getBuffer().drop_front(Offset).str();
}

uint64_t sizeOf(StringRef Path) {
  uint64_t Size = 0;
  consumeError(errorCodeToError(sys::fs::file_size(Path, Size)));
  return Size;
}

} // namespace

Expected<std::unique_ptr<ServingWorker>>
ServingWorker::start(StringRef Executable, std::vector<std::string> Args,
                     unsigned MemoryLimitMiB) {
  std::unique_ptr<ServingWorker> Worker(new ServingWorker());
  SmallString<128> Result, Output;
  std::error_code EC =
      sys::fs::createTemporaryFile("async-tidy-result", "json", Result);
  if (!EC) {
    Worker->ResultPath = std::string(Result);
    EC = sys::fs::createTemporaryFile("async-tidy-output", "txt", Output);
  }
  if (EC)
    return createStringError(EC,
                             "cannot create a temporary file: " + EC.message());
  Worker->OutputPath = std::string(Output);
  for (StringRef Path : {Result.str(), Output.str()})
    sys::RemoveFileOnSignal(Path);

  std::vector<std::string> Flags{ServeFlag,
                                 "--worker-output=" + Worker->ResultPath};
  if (MemoryLimitMiB)
    Flags.push_back(MemoryLimitFlag + std::to_string(MemoryLimitMiB));
  Args.insert(Args.begin() + 1, Flags.begin(), Flags.end());
  std::vector<char *> Argv;
  Argv.reserve(Args.size() + 1);
  for (std::string &Arg : Args)
    Argv.push_back(Arg.data());
  Argv.push_back(nullptr);

  // LLVM's ExecuteNoWait redirects a child's output to files only; this
  // worker also needs a socket, as descriptor 3. A socket rather than
  // pipes: a request sent to a worker that has died fails with EPIPE
  // instead of raising SIGPIPE in this process.
  int Ends[2];
  if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, Ends))
    return systemError("cannot start the analysis");
  posix_spawn_file_actions_t Actions;
  posix_spawn_file_actions_init(&Actions);
  posix_spawn_file_actions_addopen(&Actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&Actions, 1, Worker->OutputPath.c_str(),
                                   O_WRONLY | O_TRUNC, 0);
  posix_spawn_file_actions_adddup2(&Actions, 1, 2);
  posix_spawn_file_actions_adddup2(&Actions, Ends[1], 3);
  pid_t Pid = 0;
  std::string Program = Executable.str();
  int Failed = posix_spawn(&Pid, Program.c_str(), &Actions, nullptr,
                           Argv.data(), environ);
  posix_spawn_file_actions_destroy(&Actions);
  ::close(Ends[1]);
  if (Failed) {
    ::close(Ends[0]);
    errno = Failed;
    return systemError("cannot start the analysis");
  }
  Worker->Process.Pid = Pid;
  Worker->Process.Process = Pid;
  Worker->Socket = Ends[0];
  return std::move(Worker);
}

ServingWorker::~ServingWorker() {
  if (Socket >= 0)
    ::close(Socket);
  if (Process.Pid && !Status) {
    // LLVM has no call that ends a child process. The pid cannot name
    // another process: it stays ours until reaped.
    ::kill(Process.Pid, SIGKILL);
    reap();
  }
  for (const std::string &Path : {ResultPath, OutputPath})
    if (!Path.empty()) {
      consumeError(errorCodeToError(sys::fs::remove(Path)));
      sys::DontRemoveFileOnSignal(Path);
    }
}

bool ServingWorker::send(StringRef File, StringRef ContentsPath, Reuse Keep) {
  json::Object Request{{"file", File}};
  if (!ContentsPath.empty())
    Request["contents"] = ContentsPath;
  if (Keep != Reuse::Nothing)
    Request["preamble"] = true;
  if (Keep == Reuse::Declarations)
    Request["declarations"] = true;
  std::string Line;
  raw_string_ostream(Line) << json::Value(std::move(Request)) << "\n";
  // A result left from the file before must not pass for this one's.
  consumeError(errorCodeToError(sys::fs::remove(ResultPath)));
  Started = Answered = Reused = false;
  SentAt = std::chrono::steady_clock::now();
  for (size_t Written = 0; Written < Line.size();) {
    ssize_t N = ::send(Socket, Line.data() + Written, Line.size() - Written,
                       MSG_NOSIGNAL);
    if (N < 0 && errno == EINTR)
      continue;
    if (N <= 0)
      return false;
    Written += N;
  }
  return true;
}

void ServingWorker::handle(StringRef Line) {
  if (Line.consume_front("preamble ")) {
    HoldsPreamble = Line == "1";
  } else if (Line.consume_front("start")) {
    if (Ahead)
      return;
    Started = true;
    // The worker's own offset: by now the file may already hold what it
    // wrote after saying "start".
    if (!Line.consume_front(" ") || Line.getAsInteger(10, OutputStart))
      OutputStart = sizeOf(OutputPath);
    SentAt = std::chrono::steady_clock::now();
  } else if (Line.consume_front("done ")) {
    if (Ahead) {
      --Ahead;
      return;
    }
    SmallVector<StringRef> Words;
    Line.split(Words, ' ');
    if (Words.front().getAsInteger(10, AnswerStatus))
      AnswerStatus = -1;
    Reused = llvm::is_contained(Words, "reused");
    Exiting = llvm::is_contained(Words, "exiting");
    Partial.reset();
    auto *At = llvm::find(Words, "partial");
    std::pair<StringRef, StringRef> Reach;
    if (At != Words.end() && std::next(At) != Words.end())
      Reach = std::next(At)->split('/');
    unsigned Parsed, All;
    if (!Reach.first.getAsInteger(10, Parsed) &&
        !Reach.second.getAsInteger(10, All))
      Partial.emplace(Parsed, All);
    Answered = true;
    ++Served;
  }
}

ServingWorker::State ServingWorker::poll(std::chrono::milliseconds Wait) {
  while (!Answered && !Status) {
    pollfd Ready{Socket, POLLIN, 0};
    if (::poll(&Ready, 1, static_cast<int>(Wait.count())) <= 0)
      return State::Busy;
    char Chunk[4096];
    ssize_t Read = ::recv(Socket, Chunk, sizeof(Chunk), 0);
    if (Read < 0 && errno == EINTR)
      continue;
    if (Read <= 0) {
      reap();
      break;
    }
    Incoming.append(Chunk, Read);
    for (size_t End; (End = Incoming.find('\n')) != std::string::npos;) {
      handle(StringRef(Incoming).take_front(End));
      Incoming.erase(0, End + 1);
    }
    Wait = std::chrono::milliseconds(0);
  }
  if (Answered)
    return State::Done;
  return Started ? State::Died : State::DiedIdle;
}

int ServingWorker::reap() {
  if (!Status)
    Status = sys::Wait(Process, std::nullopt, &StatusMessage);
  return Status->ReturnCode;
}

AnalysisOutcome ServingWorker::outcome() {
  std::string Output = readFrom(OutputPath, OutputStart);
  if (Answered)
    return outcomeOfWorker(AnswerStatus, "", std::move(Output), ResultPath);
  int Code = reap();
  if (Code == 0)
    return AnalysisOutcome::failure("the analysis ended without a result",
                                    std::move(Output));
  return outcomeOfWorker(Code, StatusMessage, std::move(Output), ResultPath);
}

bool ServingWorker::pastTimeLimit(unsigned TimeoutSeconds) const {
  return TimeoutSeconds && std::chrono::steady_clock::now() - SentAt >
                               std::chrono::seconds(TimeoutSeconds);
}

AnalysisOutcome ServingWorker::stopPastTimeLimit(unsigned TimeoutSeconds) {
  if (!Status) {
    ::kill(Process.Pid, SIGKILL);
    reap();
  }
  return AnalysisOutcome::failure("the analysis did not finish within " +
                                      Twine(TimeoutSeconds) + " s",
                                  readFrom(OutputPath, OutputStart));
}

void ServingWorker::abandon() {
  if (Answered || Status)
    return;
  ++Ahead;
  // Counted as served: if it dies on the abandoned file, the next request
  // gets a new worker rather than that failure.
  ++Served;
}

} // namespace async_tidy

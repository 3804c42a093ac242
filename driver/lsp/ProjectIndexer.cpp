//===--- ProjectIndexer.cpp -----------------------------------------------===//

#include "ProjectIndexer.h"
#include "../CrossFilePass.h"
#include "Server.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include <csignal>

using namespace llvm;

namespace async_tidy::lsp {

Expected<std::unique_ptr<ProjectIndexer>>
ProjectIndexer::create(std::string Executable, std::string DatabaseDir,
                       const std::string &IndexDir,
                       std::vector<std::string> Arguments,
                       std::function<void()> OnUpdated) {
  if (std::error_code EC = sys::fs::create_directories(IndexDir))
    return createStringError(EC, "cannot create the index folder '" + IndexDir +
                                     "': " + EC.message());
  SmallString<256> IndexPath(IndexDir), CacheDir(IndexDir), Report(IndexDir);
  sys::path::append(IndexPath, "summary-index.json");
  sys::path::append(CacheDir, "cache");
  sys::path::append(Report, "last-run.json");
  if (!sys::fs::exists(IndexPath))
    if (Error E = writeSummaryIndex(IndexPath,
                                    clang::tidy::async::model::ProjectIndex()))
      return std::move(E);
  // One file at a time: the editor's own analyses come first.
  std::vector<std::string> Command{std::move(Executable),
                                   "-p",
                                   std::move(DatabaseDir),
                                   "-j1",
                                   "--quiet",
                                   "--fail-on-findings=false",
                                   "--format=json",
                                   "--output=" + std::string(Report),
                                   "--cache-dir=" + std::string(CacheDir),
                                   "--write-summary-index=" +
                                       std::string(IndexPath)};
  Command.insert(Command.end(), Arguments.begin(), Arguments.end());
  return std::unique_ptr<ProjectIndexer>(new ProjectIndexer(
      std::move(Command), std::string(IndexPath), std::move(OnUpdated)));
}

ProjectIndexer::ProjectIndexer(std::vector<std::string> Command,
                               std::string IndexPath,
                               std::function<void()> OnUpdated)
    : Command(std::move(Command)), IndexPath(std::move(IndexPath)),
      OnUpdated(std::move(OnUpdated)) {
  if (auto Buffer = MemoryBuffer::getFile(this->IndexPath))
    LastIndex = (*Buffer)->getBuffer().str();
  Thread = std::thread([this] { loop(); });
}

ProjectIndexer::~ProjectIndexer() {
  {
    std::lock_guard<std::mutex> Guard(Lock);
    Stopping = true;
    if (Running.Pid)
      ::kill(Running.Pid, SIGKILL);
  }
  Wake.notify_all();
  Thread.join();
}

void ProjectIndexer::refresh() {
  {
    std::lock_guard<std::mutex> Guard(Lock);
    Wanted = true;
  }
  Wake.notify_all();
}

void ProjectIndexer::loop() {
  for (;;) {
    {
      std::unique_lock<std::mutex> Guard(Lock);
      Wake.wait(Guard, [this] { return Wanted || Stopping; });
      if (Stopping)
        return;
      Wanted = false;
    }
    if (!runOnce())
      return;
    auto Buffer = MemoryBuffer::getFile(IndexPath);
    if (!Buffer) {
      log("project index: cannot read '" + IndexPath +
          "': " + Buffer.getError().message());
      continue;
    }
    if ((*Buffer)->getBuffer() == LastIndex)
      continue;
    LastIndex = (*Buffer)->getBuffer().str();
    OnUpdated();
  }
}

bool ProjectIndexer::runOnce() {
  std::vector<StringRef> Args(Command.begin(), Command.end());
  std::string Error;
  {
    std::lock_guard<std::mutex> Guard(Lock);
    if (Stopping)
      return false;
    // The server's stdin and stdout carry the protocol: the run gets
    // neither (its report goes to a file); its messages go to the log.
    std::optional<StringRef> Redirects[] = {StringRef(), StringRef(),
                                            std::nullopt};
    Running = sys::ExecuteNoWait(Command.front(), Args, std::nullopt, Redirects,
                                 /*MemoryLimit=*/0, &Error);
    if (!Running.Pid) {
      log("project index: cannot run '" + Command.front() + "': " + Error);
      return true;
    }
  }
  sys::ProcessInfo Done = sys::Wait(Running, std::nullopt, &Error);
  std::lock_guard<std::mutex> Guard(Lock);
  Running = {};
  if (Stopping)
    return false;
  // 1: findings; 2: some file failed, the others' summaries are written.
  if (Done.ReturnCode < 0 || Done.ReturnCode > 2)
    log("project index: the run ended with status " +
        std::to_string(Done.ReturnCode) + (Error.empty() ? "" : ": " + Error));
  return true;
}

} // namespace async_tidy::lsp

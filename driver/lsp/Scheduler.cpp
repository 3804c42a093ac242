//===--- Scheduler.cpp - When and how the open documents are analyzed -----===//
//
// The Server's scheduler thread and analysis tasks: an analysis starts when
// a document's debounce has passed and a slot is free, runs in the
// document's worker, and publishes its findings unless a newer text has
// come meanwhile.
//
//===----------------------------------------------------------------------===//

#include "Server.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace async_tidy::lsp {

void log(const Twine &Message) {
  static std::mutex LogLock;
  std::lock_guard<std::mutex> Guard(LogLock);
  errs() << "async-tidy lsp: " << Message << "\n";
}

std::string cleanPath(StringRef Path) {
  SmallString<256> Clean(Path);
  sys::path::remove_dots(Clean, /*remove_dot_dot=*/true);
  return std::string(Clean);
}

void Server::scheduleAnalyses() {
  std::unique_lock<std::mutex> Guard(Lock);
  while (!Stopping) {
    Clock::time_point Now = Clock::now();
    std::optional<Clock::time_point> Next;
    for (auto &[Uri, Doc] : Documents) {
      if (!Doc.Due || Doc.Running)
        continue;
      if (*Doc.Due > Now)
        Next = Next ? std::min(*Next, *Doc.Due) : *Doc.Due;
      else if (Active < Options.Jobs)
        startAnalysis(Uri, Doc);
    }
    // Woken by new contents, a finished analysis (a free slot, or a document
    // that may start again), or the next debounce expiring.
    if (Next)
      Wake.wait_until(Guard, *Next);
    else
      Wake.wait(Guard);
  }
}

void Server::startAnalysis(const std::string &Uri, Document &Doc) {
  Doc.Due.reset();
  Doc.Running = std::make_shared<std::atomic<bool>>(false);
  ++Active;
  // The future is not kept: the destructor's Pool.wait() joins the task,
  // and the task reports through publishDiagnostics().
  // NOLINTNEXTLINE(async-discarded-task)
  Pool.async([this, Uri, Path = Doc.Path, Text = Doc.Text,
              Generation = Doc.Generation, Cancel = Doc.Running,
              Worker = Doc.Worker] {
    analyzeDocument(Uri, Path, Text, Generation, Cancel, *Worker);
  });
}

void Server::analyzeDocument(const std::string &Uri, const std::string &Path,
                             const std::shared_ptr<const TextIndex> &Text,
                             uint64_t Generation,
                             const std::shared_ptr<std::atomic<bool>> &Cancel,
                             DocumentWorker &Worker) {
  std::optional<AnalysisOutcome> Outcome =
      Worker.analyze(Path, Text->text(), *Cancel);
  if (Outcome && Worker.reusedPreamble())
    log(Path + ": analyzed with the preamble of its includes");
  if (auto Reach = Worker.partialParse(); Outcome && Reach)
    log(Path + ": analyzed again " + std::to_string(Reach->first) + " of " +
        std::to_string(Reach->second) + " declarations");
  std::vector<Finding> Findings;
  std::vector<std::string> Dependencies;
  if (Outcome && Outcome->Result) {
    Findings =
        findingsFromResult(*Outcome->Result, Path, *Text, RelatedInformation);
    for (const std::string &File : Outcome->Result->Dependencies)
      Dependencies.push_back(cleanPath(File));
  } else if (Outcome) {
    std::string Output = StringRef(Outcome->Output).trim().str();
    log(Path + ": " + Outcome->Failure + (Output.empty() ? "" : "\n") + Output);
    Findings.push_back(problemFinding(Outcome->Failure));
  }

  std::lock_guard<std::mutex> Guard(Lock);
  --Active;
  auto It = Documents.find(Uri);
  if (It != Documents.end() && It->second.Running == Cancel) {
    Document &Doc = It->second;
    Doc.Running.reset();
    // Cancelled (no outcome), or a newer text has come meanwhile.
    if (Outcome && !Stopping && Doc.Generation == Generation) {
      Doc.Findings = std::move(Findings);
      Doc.AnalyzedGeneration = Generation;
      if (Outcome->Result)
        Doc.Dependencies = std::move(Dependencies);
      publishDiagnostics(Uri, Doc);
    }
  }
  Wake.notify_all();
}

void Server::publishDiagnostics(const std::string &Uri, const Document &Doc) {
  json::Array Diagnostics;
  for (const Finding &F : Doc.Findings)
    Diagnostics.push_back(json::Object(F.Diagnostic));
  Client.send(json::Object{
      {"jsonrpc", "2.0"},
      {"method", "textDocument/publishDiagnostics"},
      {"params", json::Object{{"uri", Uri},
                              {"version", Doc.Version},
                              {"diagnostics", std::move(Diagnostics)}}}});
}

} // namespace async_tidy::lsp

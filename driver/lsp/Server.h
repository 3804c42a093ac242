//===--- Server.h - The language server's dispatcher and documents --------===//
//
// Answers the client's requests, keeps the open documents' texts, and runs
// one analysis per document at a time: after a pause in typing (the
// debounce), in the document's worker process, with the newest contents
// winning over an analysis still running on older ones. Server.cpp
// dispatches the messages through a table of handlers by method;
// Scheduler.cpp runs the analyses.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_DRIVER_LSP_SERVER_H
#define ASYNC_TIDY_DRIVER_LSP_SERVER_H

#include "Diagnostics.h"
#include "ProjectIndexer.h"
#include "Protocol.h"
#include "Transport.h"
#include "Worker.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/ThreadPool.h"
#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

namespace async_tidy::lsp {

/// Writes a line to the server's log (standard error); any thread.
void log(const llvm::Twine &Message);

/// \p Path without "." and ".." components: how documents name files.
std::string cleanPath(llvm::StringRef Path);

struct ServerOptions {
  WorkerSettings Worker;
  /// Where the project's summary index is kept up to date in the
  /// background (ProjectIndexer.h); empty: calls are followed within a
  /// file only.
  std::string IndexDir;
  std::chrono::milliseconds Debounce{300};
  unsigned Jobs = 2; ///< Analyses at once.
};

class Server {
public:
  Server(Transport &Client, ServerOptions Options);
  /// Stops the analyses still running.
  ~Server();

  /// Handles one message; returns the exit status once the client sent
  /// 'exit'.
  std::optional<int> handleMessage(const llvm::json::Value &Message);

  /// Answers a frame whose body is not JSON.
  void reportParseError(llvm::StringRef Error);

  bool shutdownRequested() const { return ShutdownRequested; }

private:
  using Clock = std::chrono::steady_clock;

  struct Document {
    std::string Path;
    int64_t Version = 0;
    std::shared_ptr<const TextIndex> Text;
    /// Changes with every new text; results of older ones are dropped.
    uint64_t Generation = 0;
    std::optional<Clock::time_point> Due; ///< When an analysis is wanted.
    /// The cancel flag of the running analysis, if one runs.
    std::shared_ptr<std::atomic<bool>> Running;
    uint64_t AnalyzedGeneration = 0; ///< Of the published findings.
    std::vector<Finding> Findings;
    std::vector<std::string> Dependencies; ///< Files the last analysis read.
    /// Shared with the analysis running, which may outlive the document.
    std::shared_ptr<DocumentWorker> Worker;
  };

  /// Parses a message's params and handles them; a request is answered.
  using RequestHandler = std::function<void(const llvm::json::Value &Id,
                                            const llvm::json::Value &Params)>;
  using NotificationHandler =
      std::function<void(const llvm::json::Value &Params)>;
  /// Registers \p Handler for \p Method: its result is the response, or
  /// InvalidParams when the params do not parse as \p Params.
  template <typename Params>
  void onRequest(llvm::StringLiteral Method,
                 llvm::json::Value (Server::*Handler)(const Params &));
  /// Registers \p Handler for \p Method; params that do not parse are
  /// logged (a notification has no response).
  template <typename Params>
  void onNotification(llvm::StringLiteral Method,
                      void (Server::*Handler)(const Params &));

  void handleRequest(const llvm::json::Value &Id, llvm::StringRef Method,
                     const llvm::json::Value &Params);
  std::optional<int> handleNotification(llvm::StringRef Method,
                                        const llvm::json::Value &Params);

  // Requests.
  llvm::json::Value initialize(const InitializeParams &Params);
  llvm::json::Value shutdown(const NoParams &Params);
  llvm::json::Value codeActions(const CodeActionParams &Params);
  // Notifications.
  void didOpen(const DidOpenParams &Params);
  void didChange(const DidChangeParams &Params);
  void didSave(const DocumentParams &Params);
  void didClose(const DocumentParams &Params);

  void reply(const llvm::json::Value &Id, llvm::json::Value Result);
  void replyError(const llvm::json::Value &Id, int Code,
                  const llvm::Twine &Message);

  /// The scheduler thread: starts the analyses that are due.
  void scheduleAnalyses();
  void startAnalysis(const std::string &Uri, Document &Doc);
  /// Analyzes one text of a document in a worker and publishes the
  /// findings, unless a newer text has come meanwhile.
  void analyzeDocument(const std::string &Uri, const std::string &Path,
                       const std::shared_ptr<const TextIndex> &Text,
                       uint64_t Generation,
                       const std::shared_ptr<std::atomic<bool>> &Cancel,
                       DocumentWorker &Worker);
  /// Sends \p Doc's findings; Lock is held.
  void publishDiagnostics(const std::string &Uri, const Document &Doc);
  /// Starts keeping the project's summary index in Options.IndexDir, and
  /// has the analyses read it.
  void startIndexer();

  Transport &Client;
  ServerOptions Options;
  llvm::StringMap<RequestHandler> Requests;
  llvm::StringMap<NotificationHandler> Notifications;
  bool Initialized = false;
  /// Whether the client shows Diagnostic.relatedInformation (set by
  /// initialize, before any analysis).
  bool RelatedInformation = false;
  bool ShutdownRequested = false;

  std::mutex Lock; ///< Guards everything below.
  std::condition_variable Wake;
  std::map<std::string, Document> Documents; ///< By URI.
  uint64_t LastGeneration = 0;
  unsigned Active = 0; ///< Analyses running.
  bool Stopping = false;

  llvm::DefaultThreadPool Pool;
  std::thread Scheduler;
  std::unique_ptr<ProjectIndexer> Indexer;
};

} // namespace async_tidy::lsp

#endif // ASYNC_TIDY_DRIVER_LSP_SERVER_H

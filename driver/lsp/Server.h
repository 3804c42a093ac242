//===--- Server.h - The language server's dispatcher and documents --------===//
//
// Answers the client's requests, keeps the open documents' texts, and runs
// one analysis per document at a time: after a pause in typing (the
// debounce), in a worker process, with the newest contents winning over an
// analysis still running on older ones.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_DRIVER_LSP_SERVER_H
#define ASYNC_TIDY_DRIVER_LSP_SERVER_H

#include "Diagnostics.h"
#include "Transport.h"
#include "Worker.h"
#include "llvm/Support/ThreadPool.h"
#include <chrono>
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

namespace async_tidy::lsp {

struct ServerOptions {
  WorkerSettings Worker;
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
  std::optional<int> handle(const llvm::json::Value &Message);

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
  };

  void handleRequest(const llvm::json::Value &Id, llvm::StringRef Method,
                     const llvm::json::Object *Params);
  std::optional<int> handleNotification(llvm::StringRef Method,
                                        const llvm::json::Object *Params);
  void didOpen(const std::string &Uri, const llvm::json::Object &Params);
  void didChange(const std::string &Uri, const llvm::json::Object &Params);
  void didSave(const std::string &Uri, const llvm::json::Object &Params);
  void didClose(const std::string &Uri, const llvm::json::Object &Params);
  llvm::Expected<llvm::json::Value>
  codeActions(const llvm::json::Object *Params);

  void reply(const llvm::json::Value &Id, llvm::json::Value Result);
  void replyError(const llvm::json::Value &Id, int Code,
                  const llvm::Twine &Message);

  /// The scheduler thread: starts the analyses that are due.
  void schedule();
  void startAnalysis(const std::string &Uri, Document &Doc);
  void analyze(const std::string &Uri, const std::string &Path,
               const std::shared_ptr<const TextIndex> &Text,
               uint64_t Generation,
               const std::shared_ptr<std::atomic<bool>> &Cancel);
  /// Sends \p Doc's findings; Lock is held.
  void publish(const std::string &Uri, const Document &Doc);

  Transport &Client;
  ServerOptions Options;
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
};

} // namespace async_tidy::lsp

#endif // ASYNC_TIDY_DRIVER_LSP_SERVER_H

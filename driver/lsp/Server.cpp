//===--- Server.cpp - Messages and the handlers of each method ------------===//

#include "Server.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace async_tidy::lsp {

namespace {

// LSP TextDocumentSyncKind.Full: every change carries the whole text.
constexpr int FullSync = 1;

std::string invalidParamsMessage(StringRef Method,
                                 const json::Path::Root &Root) {
  return "invalid params of '" + Method.str() +
         "': " + toString(Root.getError());
}

} // namespace

template <typename Params>
void Server::onRequest(StringLiteral Method,
                       json::Value (Server::*Handler)(const Params &)) {
  Requests[Method] = [this, Method, Handler](const json::Value &Id,
                                             const json::Value &Raw) {
    Params Parsed;
    json::Path::Root Root("params");
    if (!fromJSON(Raw, Parsed, Root))
      return replyError(Id, InvalidParams, invalidParamsMessage(Method, Root));
    reply(Id, (this->*Handler)(Parsed));
  };
}

template <typename Params>
void Server::onNotification(StringLiteral Method,
                            void (Server::*Handler)(const Params &)) {
  Notifications[Method] = [this, Method, Handler](const json::Value &Raw) {
    Params Parsed;
    json::Path::Root Root("params");
    if (!fromJSON(Raw, Parsed, Root))
      return log(invalidParamsMessage(Method, Root) + "; ignored");
    (this->*Handler)(Parsed);
  };
}

Server::Server(Transport &Client, ServerOptions TheOptions)
    : Client(Client), Options(std::move(TheOptions)),
      Pool(hardware_concurrency(Options.Jobs)),
      Scheduler([this] { scheduleAnalyses(); }) {
  onRequest("initialize", &Server::initialize);
  onRequest("shutdown", &Server::shutdown);
  onRequest("textDocument/codeAction", &Server::codeActions);
  onNotification("textDocument/didOpen", &Server::didOpen);
  onNotification("textDocument/didChange", &Server::didChange);
  onNotification("textDocument/didSave", &Server::didSave);
  onNotification("textDocument/didClose", &Server::didClose);
  if (!Options.IndexDir.empty())
    startIndexer();
}

void Server::startIndexer() {
  std::vector<std::string> Arguments;
  if (!Options.Worker.Checks.empty())
    Arguments.push_back("--checks=" + Options.Worker.Checks);
  if (!Options.Worker.ConfigFile.empty())
    Arguments.push_back("--config-file=" + Options.Worker.ConfigFile);
  Arguments.insert(Arguments.end(), Options.Worker.ExtraArgs.begin(),
                   Options.Worker.ExtraArgs.end());
  auto Created = ProjectIndexer::create(
      Options.Worker.Executable, Options.Worker.CompileCommandsDir,
      Options.IndexDir, std::move(Arguments), [this] {
        // The open documents' calls into other files may read differently.
        std::lock_guard<std::mutex> Guard(Lock);
        for (auto &Entry : Documents)
          Entry.second.Due = Clock::now();
        Wake.notify_all();
      });
  if (!Created)
    return log("calls into other files are not followed: " +
               toString(Created.takeError()));
  Indexer = std::move(*Created);
  Options.Worker.ExtraArgs.push_back("--summary-index=" + Indexer->indexPath());
}

Server::~Server() {
  Indexer.reset();
  {
    std::lock_guard<std::mutex> Guard(Lock);
    Stopping = true;
    for (auto &Entry : Documents)
      if (Entry.second.Running)
        *Entry.second.Running = true;
  }
  Wake.notify_all();
  Scheduler.join();
  Pool.wait();
}

void Server::reply(const json::Value &Id, json::Value Result) {
  Client.send(json::Object{
      {"jsonrpc", "2.0"}, {"id", Id}, {"result", std::move(Result)}});
}

void Server::replyError(const json::Value &Id, int Code, const Twine &Message) {
  Client.send(json::Object{
      {"jsonrpc", "2.0"},
      {"id", Id},
      {"error", json::Object{{"code", Code}, {"message", Message.str()}}}});
}

void Server::reportParseError(StringRef Error) {
  log("a message that is not JSON: " + Error);
  replyError(nullptr, ParseError, "the message is not JSON: " + Error);
}

std::optional<int> Server::handleMessage(const json::Value &Message) {
  const json::Object *Object = Message.getAsObject();
  if (!Object) {
    replyError(nullptr, InvalidRequest, "a message must be a JSON object");
    return std::nullopt;
  }
  const json::Value *Id = Object->get("id");
  std::optional<StringRef> Method = Object->getString("method");
  static const json::Value Absent = nullptr;
  const json::Value *Params = Object->get("params");
  if (Method && Id) {
    handleRequest(*Id, *Method, Params ? *Params : Absent);
    return std::nullopt;
  }
  if (Method)
    return handleNotification(*Method, Params ? *Params : Absent);
  // A response: the server sends no requests, so there is nothing to match.
  if (!Id || !(Object->get("result") || Object->get("error")))
    replyError(Id ? *Id : nullptr, InvalidRequest,
               "a message needs a method, or an id with a result");
  return std::nullopt;
}

void Server::handleRequest(const json::Value &Id, StringRef Method,
                           const json::Value &Params) {
  // initialize comes once and first; after shutdown only exit.
  if (Method == "initialize") {
    if (Initialized)
      return replyError(Id, InvalidRequest, "the server is initialized");
  } else if (!Initialized) {
    return replyError(Id, ServerNotInitialized, "'initialize' must come first");
  } else if (ShutdownRequested) {
    return replyError(Id, InvalidRequest, "the server is shutting down");
  }
  auto Handler = Requests.find(Method);
  if (Handler == Requests.end())
    return replyError(Id, MethodNotFound,
                      "method '" + Method + "' is not supported");
  Handler->second(Id, Params);
}

std::optional<int> Server::handleNotification(StringRef Method,
                                              const json::Value &Params) {
  if (Method == "exit")
    return ShutdownRequested ? 0 : 1;
  // Before initialize and after shutdown, notifications are dropped; so are
  // those without a handler (initialized, $/cancelRequest, settings).
  if (!Initialized || ShutdownRequested)
    return std::nullopt;
  auto Handler = Notifications.find(Method);
  if (Handler != Notifications.end())
    Handler->second(Params);
  return std::nullopt;
}

json::Value Server::initialize(const InitializeParams &Params) {
  Initialized = true;
  if (Indexer)
    Indexer->refresh();
  // Without relatedInformation (eglot 1.9) the notes go into the message.
  RelatedInformation = Params.RelatedInformation;
  json::Object Sync{{"openClose", true},
                    {"change", FullSync},
                    {"save", json::Object{{"includeText", false}}}};
  json::Object Capabilities{
      {"textDocumentSync", std::move(Sync)},
      {"codeActionProvider",
       json::Object{{"codeActionKinds", json::Array{"quickfix"}}}}};
  return json::Object{
      {"capabilities", std::move(Capabilities)},
      {"serverInfo",
       json::Object{{"name", "async-tidy"}, {"version", ASYNC_TIDY_VERSION}}}};
}

json::Value Server::shutdown(const NoParams &) {
  ShutdownRequested = true;
  return nullptr;
}

void Server::didOpen(const DidOpenParams &Params) {
  const TextDocumentItem &Item = Params.TextDocument;
  Expected<std::string> Path = pathFromUri(Item.Uri);
  if (!Path)
    return log(toString(Path.takeError()) + "; the document is not analyzed");
  std::lock_guard<std::mutex> Guard(Lock);
  Document &Doc = Documents[Item.Uri];
  if (Doc.Running)
    *Doc.Running = true;
  Doc.Path = cleanPath(*Path);
  if (!Doc.Worker)
    Doc.Worker = std::make_shared<DocumentWorker>(Options.Worker);
  Doc.Version = Item.Version;
  Doc.Text = std::make_shared<TextIndex>(Item.Text);
  Doc.Generation = ++LastGeneration;
  Doc.Due = Clock::now(); // The first diagnostics should not wait.
  Wake.notify_all();
}

void Server::didChange(const DidChangeParams &Params) {
  const std::string &Uri = Params.TextDocument.Uri;
  if (Params.ContentChanges.empty() || Params.ContentChanges.back().Incremental)
    return log("didChange of '" + Uri +
               "' is not a full text (the server asked for full sync); "
               "ignored");
  std::lock_guard<std::mutex> Guard(Lock);
  auto It = Documents.find(Uri);
  if (It == Documents.end())
    return log("didChange of '" + Uri + "', which is not open; ignored");
  Document &Doc = It->second;
  if (Doc.Running)
    *Doc.Running = true; // Its result would be for an old text.
  Doc.Version = Params.TextDocument.Version.value_or(Doc.Version);
  Doc.Text = std::make_shared<TextIndex>(Params.ContentChanges.back().Text);
  Doc.Generation = ++LastGeneration;
  Doc.Due = Clock::now() + Options.Debounce;
  Wake.notify_all();
}

void Server::didSave(const DocumentParams &Params) {
  const std::string &Uri = Params.TextDocument.Uri;
  Expected<std::string> Path = pathFromUri(Uri);
  if (!Path)
    return log(toString(Path.takeError()));
  std::string Saved = cleanPath(*Path);
  // A saved file may change what its functions do for other files.
  if (Indexer)
    Indexer->refresh();
  std::lock_guard<std::mutex> Guard(Lock);
  for (auto &[OtherUri, Doc] : Documents) {
    // The saved file itself: a pending analysis need not wait any longer.
    // Documents that include it: their last analysis read its old text.
    if (OtherUri == Uri ? Doc.Due.has_value()
                        : llvm::is_contained(Doc.Dependencies, Saved))
      Doc.Due = Clock::now();
  }
  Wake.notify_all();
}

void Server::didClose(const DocumentParams &Params) {
  const std::string &Uri = Params.TextDocument.Uri;
  std::lock_guard<std::mutex> Guard(Lock);
  auto It = Documents.find(Uri);
  if (It == Documents.end())
    return;
  if (It->second.Running)
    *It->second.Running = true;
  Documents.erase(It);
  // The editor keeps published diagnostics until they are replaced.
  Client.send(json::Object{
      {"jsonrpc", "2.0"},
      {"method", "textDocument/publishDiagnostics"},
      {"params", json::Object{{"uri", Uri}, {"diagnostics", json::Array()}}}});
}

json::Value Server::codeActions(const CodeActionParams &Params) {
  if (const auto &Only = Params.Context.Only)
    if (!llvm::is_contained(*Only, "quickfix"))
      return json::Array();
  Point Start = Params.Range.Start.point(), End = Params.Range.End.point();
  json::Array Actions;
  std::lock_guard<std::mutex> Guard(Lock);
  auto It = Documents.find(Params.TextDocument.Uri);
  // Fixes are offsets into the analyzed text: none once it has changed.
  if (It == Documents.end() ||
      It->second.AnalyzedGeneration != It->second.Generation)
    return Actions;
  for (const Finding &F : It->second.Findings) {
    if (!F.Fix || F.End < Start || End < F.Begin)
      continue;
    Actions.push_back(
        json::Object{{"title", F.FixTitle},
                     {"kind", "quickfix"},
                     {"isPreferred", true},
                     {"diagnostics", json::Array{json::Object(F.Diagnostic)}},
                     {"edit", json::Object(*F.Fix)}});
  }
  return Actions;
}

} // namespace async_tidy::lsp

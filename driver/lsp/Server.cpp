//===--- Server.cpp -------------------------------------------------------===//

#include "Server.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace async_tidy::lsp {

namespace {

// JSON-RPC and LSP error codes.
enum ErrorCode : int16_t {
  ParseError = -32700,
  InvalidRequest = -32600,
  MethodNotFound = -32601,
  InvalidParams = -32602,
  ServerNotInitialized = -32002,
};

// LSP TextDocumentSyncKind.Full: every change carries the whole text.
constexpr int FullSync = 1;

void log(const Twine &Message) {
  static std::mutex LogLock;
  std::lock_guard<std::mutex> Guard(LogLock);
  errs() << "async-tidy lsp: " << Message << "\n";
}

Error invalidParams(const Twine &Message) {
  return createStringError(inconvertibleErrorCode(), Message);
}

/// The URI of params.textDocument.
std::optional<std::string> documentUri(const json::Object &Params) {
  const json::Object *Document = Params.getObject("textDocument");
  std::optional<StringRef> Uri =
      Document ? Document->getString("uri") : std::nullopt;
  if (!Uri)
    return std::nullopt;
  return Uri->str();
}

std::string cleanPath(StringRef Path) {
  SmallString<256> Clean(Path);
  sys::path::remove_dots(Clean, /*remove_dot_dot=*/true);
  return std::string(Clean);
}

} // namespace

Server::Server(Transport &Client, ServerOptions TheOptions)
    : Client(Client), Options(std::move(TheOptions)),
      Pool(hardware_concurrency(Options.Jobs)),
      Scheduler([this] { schedule(); }) {}

Server::~Server() {
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

std::optional<int> Server::handle(const json::Value &Message) {
  const json::Object *Object = Message.getAsObject();
  if (!Object) {
    replyError(nullptr, InvalidRequest, "a message must be a JSON object");
    return std::nullopt;
  }
  const json::Value *Id = Object->get("id");
  std::optional<StringRef> Method = Object->getString("method");
  const json::Object *Params = Object->getObject("params");
  if (Method && Id) {
    handleRequest(*Id, *Method, Params);
    return std::nullopt;
  }
  if (Method)
    return handleNotification(*Method, Params);
  // A response: the server sends no requests, so there is nothing to match.
  if (!Id || !(Object->get("result") || Object->get("error")))
    replyError(Id ? *Id : nullptr, InvalidRequest,
               "a message needs a method, or an id with a result");
  return std::nullopt;
}

void Server::handleRequest(const json::Value &Id, StringRef Method,
                           const json::Object *Params) {
  if (Method == "initialize") {
    if (Initialized)
      return replyError(Id, InvalidRequest, "the server is initialized");
    Initialized = true;
    // Without relatedInformation (eglot 1.9) the notes go into the message.
    const json::Object *Capability = Params;
    for (StringRef Key : {"capabilities", "textDocument", "publishDiagnostics"})
      Capability = Capability ? Capability->getObject(Key) : nullptr;
    RelatedInformation =
        Capability &&
        Capability->getBoolean("relatedInformation").value_or(false);
    json::Object Sync{{"openClose", true},
                      {"change", FullSync},
                      {"save", json::Object{{"includeText", false}}}};
    json::Object Capabilities{
        {"textDocumentSync", std::move(Sync)},
        {"codeActionProvider",
         json::Object{{"codeActionKinds", json::Array{"quickfix"}}}}};
    return reply(Id,
                 json::Object{{"capabilities", std::move(Capabilities)},
                              {"serverInfo",
                               json::Object{{"name", "async-tidy"},
                                            {"version", ASYNC_TIDY_VERSION}}}});
  }
  if (!Initialized)
    return replyError(Id, ServerNotInitialized, "'initialize' must come first");
  if (ShutdownRequested)
    return replyError(Id, InvalidRequest, "the server is shutting down");
  if (Method == "shutdown") {
    ShutdownRequested = true;
    return reply(Id, nullptr);
  }
  if (Method == "textDocument/codeAction") {
    Expected<json::Value> Actions = codeActions(Params);
    if (!Actions)
      return replyError(Id, InvalidParams, toString(Actions.takeError()));
    return reply(Id, std::move(*Actions));
  }
  replyError(Id, MethodNotFound, "method '" + Method + "' is not supported");
}

std::optional<int> Server::handleNotification(StringRef Method,
                                              const json::Object *Params) {
  if (Method == "exit")
    return ShutdownRequested ? 0 : 1;
  // Before initialize and after shutdown, notifications are dropped.
  if (!Initialized || ShutdownRequested)
    return std::nullopt;
  using Handler = void (Server::*)(const std::string &, const json::Object &);
  Handler Handle = StringSwitch<Handler>(Method)
                       .Case("textDocument/didOpen", &Server::didOpen)
                       .Case("textDocument/didChange", &Server::didChange)
                       .Case("textDocument/didSave", &Server::didSave)
                       .Case("textDocument/didClose", &Server::didClose)
                       .Default(nullptr);
  if (!Handle)
    return std::nullopt; // initialized, $/cancelRequest, settings: no effect.
  std::optional<std::string> Uri = Params ? documentUri(*Params) : std::nullopt;
  if (!Uri) {
    log("'" + Method + "' without params.textDocument.uri; ignored");
    return std::nullopt;
  }
  (this->*Handle)(*Uri, *Params);
  return std::nullopt;
}

void Server::didOpen(const std::string &Uri, const json::Object &Params) {
  const json::Object *Item = Params.getObject("textDocument");
  std::optional<StringRef> Text = Item->getString("text");
  if (!Text)
    return log("didOpen of '" + Uri + "' without its text; ignored");
  Expected<std::string> Path = pathFromUri(Uri);
  if (!Path)
    return log(toString(Path.takeError()) + "; the document is not analyzed");
  std::lock_guard<std::mutex> Guard(Lock);
  Document &Doc = Documents[Uri];
  if (Doc.Running)
    *Doc.Running = true;
  Doc.Path = cleanPath(*Path);
  Doc.Version = Item->getInteger("version").value_or(0);
  Doc.Text = std::make_shared<TextIndex>(Text->str());
  Doc.Generation = ++LastGeneration;
  Doc.Due = Clock::now(); // The first diagnostics should not wait.
  Wake.notify_all();
}

void Server::didChange(const std::string &Uri, const json::Object &Params) {
  const json::Array *Changes = Params.getArray("contentChanges");
  const json::Object *Last =
      Changes && !Changes->empty() ? Changes->back().getAsObject() : nullptr;
  std::optional<StringRef> Text = Last ? Last->getString("text") : std::nullopt;
  if (!Text || Last->get("range"))
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
  if (const json::Object *Item = Params.getObject("textDocument"))
    Doc.Version = Item->getInteger("version").value_or(Doc.Version);
  Doc.Text = std::make_shared<TextIndex>(Text->str());
  Doc.Generation = ++LastGeneration;
  Doc.Due = Clock::now() + Options.Debounce;
  Wake.notify_all();
}

void Server::didSave(const std::string &Uri, const json::Object & /*Params*/) {
  Expected<std::string> Path = pathFromUri(Uri);
  if (!Path)
    return log(toString(Path.takeError()));
  std::string Saved = cleanPath(*Path);
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

void Server::didClose(const std::string &Uri, const json::Object & /*Params*/) {
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

Expected<json::Value> Server::codeActions(const json::Object *Params) {
  std::optional<std::string> Uri = Params ? documentUri(*Params) : std::nullopt;
  const json::Object *Range = Params ? Params->getObject("range") : nullptr;
  std::optional<Point> Start =
      Range ? pointFromJson(Range->get("start")) : std::nullopt;
  std::optional<Point> End =
      Range ? pointFromJson(Range->get("end")) : std::nullopt;
  if (!Uri || !Start || !End)
    return invalidParams("codeAction needs textDocument.uri and a range");
  if (const json::Object *Context = Params->getObject("context"))
    if (const json::Array *Only = Context->getArray("only"))
      if (llvm::none_of(*Only, [](const json::Value &Kind) {
            return Kind.getAsString() == "quickfix";
          }))
        return json::Array();

  json::Array Actions;
  std::lock_guard<std::mutex> Guard(Lock);
  auto It = Documents.find(*Uri);
  // Fixes are offsets into the analyzed text: none once it has changed.
  if (It == Documents.end() ||
      It->second.AnalyzedGeneration != It->second.Generation)
    return Actions;
  for (const Finding &F : It->second.Findings) {
    if (!F.Fix || F.End < *Start || *End < F.Begin)
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

void Server::schedule() {
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
  // and the task reports through publish().
  // NOLINTNEXTLINE(async-discarded-task)
  Pool.async(
      [this, Uri, Path = Doc.Path, Text = Doc.Text, Generation = Doc.Generation,
       Cancel = Doc.Running] { analyze(Uri, Path, Text, Generation, Cancel); });
}

void Server::analyze(const std::string &Uri, const std::string &Path,
                     const std::shared_ptr<const TextIndex> &Text,
                     uint64_t Generation,
                     const std::shared_ptr<std::atomic<bool>> &Cancel) {
  WorkerOutcome Outcome =
      runWorker(Options.Worker, Path, Text->text(), *Cancel);
  std::vector<Finding> Findings;
  std::vector<std::string> Dependencies;
  if (Outcome.Result) { // Analyzed
    Findings =
        findingsFromResult(*Outcome.Result, Path, *Text, RelatedInformation);
    for (const std::string &File : Outcome.Result->Dependencies)
      Dependencies.push_back(cleanPath(File));
  }
  if (Outcome.What == WorkerOutcome::Failed) {
    std::string Output = StringRef(Outcome.Output).trim().str();
    log(Path + ": " + Outcome.Problem + (Output.empty() ? "" : "\n") + Output);
    Findings.push_back(problemFinding(Outcome.Problem));
  }

  std::lock_guard<std::mutex> Guard(Lock);
  --Active;
  auto It = Documents.find(Uri);
  if (It != Documents.end() && It->second.Running == Cancel) {
    Document &Doc = It->second;
    Doc.Running.reset();
    if (Outcome.What != WorkerOutcome::Cancelled && !Stopping &&
        Doc.Generation == Generation) {
      Doc.Findings = std::move(Findings);
      Doc.AnalyzedGeneration = Generation;
      if (Outcome.What == WorkerOutcome::Analyzed)
        Doc.Dependencies = std::move(Dependencies);
      publish(Uri, Doc);
    }
  }
  Wake.notify_all();
}

void Server::publish(const std::string &Uri, const Document &Doc) {
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

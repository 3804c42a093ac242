//===--- Protocol.h - The parameters of the messages the server handles ---===//
//
// Typed LSP parameters, read with llvm::json's fromJSON and ObjectMapper as
// clangd's Protocol.h does. A message whose parameters do not fit is
// answered with InvalidParams, or logged if it is a notification, with the
// path of the offending value ("expected integer at params.range.start.line").
// Fields the server does not use are not read.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_DRIVER_LSP_PROTOCOL_H
#define ASYNC_TIDY_DRIVER_LSP_PROTOCOL_H

#include "Convert.h"
#include "llvm/Support/JSON.h"
#include <optional>
#include <string>
#include <vector>

namespace async_tidy::lsp {

// JSON-RPC and LSP error codes.
enum ErrorCode : int16_t {
  ParseError = -32700,
  InvalidRequest = -32600,
  MethodNotFound = -32601,
  InvalidParams = -32602,
  ServerNotInitialized = -32002,
};

/// The parameters of shutdown and exit: none (absent, null or an object).
struct NoParams {};
bool fromJSON(const llvm::json::Value &V, NoParams &, llvm::json::Path P);

/// As clangd, only what a client cannot get wrong without being broken is
/// required: an object, and capabilities, if given, an object.
struct InitializeParams {
  /// capabilities.textDocument.publishDiagnostics.relatedInformation: the
  /// client shows a diagnostic's notes (eglot 1.9 does not).
  bool RelatedInformation = false;
};
bool fromJSON(const llvm::json::Value &V, InitializeParams &Out,
              llvm::json::Path P);

struct TextDocumentIdentifier {
  std::string Uri;
};
bool fromJSON(const llvm::json::Value &V, TextDocumentIdentifier &Out,
              llvm::json::Path P);

struct TextDocumentItem {
  std::string Uri;
  int64_t Version = 0;
  std::string Text;
};
bool fromJSON(const llvm::json::Value &V, TextDocumentItem &Out,
              llvm::json::Path P);

struct DidOpenParams {
  TextDocumentItem TextDocument;
};
bool fromJSON(const llvm::json::Value &V, DidOpenParams &Out,
              llvm::json::Path P);

struct VersionedTextDocumentIdentifier {
  std::string Uri;
  std::optional<int64_t> Version;
};
bool fromJSON(const llvm::json::Value &V, VersionedTextDocumentIdentifier &Out,
              llvm::json::Path P);

struct ContentChange {
  /// A change of a range, which the server did not ask for (full sync).
  bool Incremental = false;
  std::string Text;
};
bool fromJSON(const llvm::json::Value &V, ContentChange &Out,
              llvm::json::Path P);

struct DidChangeParams {
  VersionedTextDocumentIdentifier TextDocument;
  std::vector<ContentChange> ContentChanges;
};
bool fromJSON(const llvm::json::Value &V, DidChangeParams &Out,
              llvm::json::Path P);

/// didSave and didClose.
struct DocumentParams {
  TextDocumentIdentifier TextDocument;
};
bool fromJSON(const llvm::json::Value &V, DocumentParams &Out,
              llvm::json::Path P);

struct Position {
  int64_t Line = 0;
  int64_t Character = 0;
  Point point() const { return {Line, Character}; }
};
bool fromJSON(const llvm::json::Value &V, Position &Out, llvm::json::Path P);

struct Range {
  Position Start, End;
};
bool fromJSON(const llvm::json::Value &V, Range &Out, llvm::json::Path P);

struct CodeActionContext {
  /// The kinds of action wanted; all when not given.
  std::optional<std::vector<std::string>> Only;
};
bool fromJSON(const llvm::json::Value &V, CodeActionContext &Out,
              llvm::json::Path P);

struct CodeActionParams {
  TextDocumentIdentifier TextDocument;
  Range Range;
  CodeActionContext Context;
};
bool fromJSON(const llvm::json::Value &V, CodeActionParams &Out,
              llvm::json::Path P);

} // namespace async_tidy::lsp

#endif // ASYNC_TIDY_DRIVER_LSP_PROTOCOL_H

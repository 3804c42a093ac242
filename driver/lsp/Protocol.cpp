//===--- Protocol.cpp -----------------------------------------------------===//

#include "Protocol.h"

using namespace llvm;
using namespace llvm::json;

namespace async_tidy::lsp {

bool fromJSON(const Value &V, NoParams &, Path P) {
  if (V.getAsNull() || V.getAsObject())
    return true;
  P.report("expected no parameters");
  return false;
}

bool fromJSON(const Value &V, InitializeParams &Out, Path P) {
  ObjectMapper O(V, P);
  if (!O)
    return false;
  const Value *Capabilities = V.getAsObject()->get("capabilities");
  if (!Capabilities)
    return true;
  const Object *Capability = Capabilities->getAsObject();
  if (!Capability) {
    P.field("capabilities").report("expected object");
    return false;
  }
  // Deeper down, what is not understood is taken as not supported.
  for (StringRef Key : {"textDocument", "publishDiagnostics"})
    Capability = Capability ? Capability->getObject(Key) : nullptr;
  Out.RelatedInformation =
      Capability &&
      Capability->getBoolean("relatedInformation").value_or(false);
  return true;
}

bool fromJSON(const Value &V, TextDocumentIdentifier &Out, Path P) {
  ObjectMapper O(V, P);
  return O && O.map("uri", Out.Uri);
}

bool fromJSON(const Value &V, TextDocumentItem &Out, Path P) {
  ObjectMapper O(V, P);
  return O && O.map("uri", Out.Uri) && O.mapOptional("version", Out.Version) &&
         O.map("text", Out.Text);
}

bool fromJSON(const Value &V, DidOpenParams &Out, Path P) {
  ObjectMapper O(V, P);
  return O && O.map("textDocument", Out.TextDocument);
}

bool fromJSON(const Value &V, VersionedTextDocumentIdentifier &Out, Path P) {
  ObjectMapper O(V, P);
  return O && O.map("uri", Out.Uri) && O.map("version", Out.Version);
}

bool fromJSON(const Value &V, ContentChange &Out, Path P) {
  ObjectMapper O(V, P);
  if (!O || !O.map("text", Out.Text))
    return false;
  Out.Incremental = V.getAsObject()->get("range") != nullptr;
  return true;
}

bool fromJSON(const Value &V, DidChangeParams &Out, Path P) {
  ObjectMapper O(V, P);
  return O && O.map("textDocument", Out.TextDocument) &&
         O.map("contentChanges", Out.ContentChanges);
}

bool fromJSON(const Value &V, DocumentParams &Out, Path P) {
  ObjectMapper O(V, P);
  return O && O.map("textDocument", Out.TextDocument);
}

bool fromJSON(const Value &V, Position &Out, Path P) {
  ObjectMapper O(V, P);
  return O && O.map("line", Out.Line) && O.map("character", Out.Character);
}

bool fromJSON(const Value &V, Range &Out, Path P) {
  ObjectMapper O(V, P);
  return O && O.map("start", Out.Start) && O.map("end", Out.End);
}

bool fromJSON(const Value &V, CodeActionContext &Out, Path P) {
  ObjectMapper O(V, P);
  return O && O.map("only", Out.Only);
}

bool fromJSON(const Value &V, CodeActionParams &Out, Path P) {
  ObjectMapper O(V, P);
  return O && O.map("textDocument", Out.TextDocument) &&
         O.map("range", Out.Range) && O.mapOptional("context", Out.Context);
}

} // namespace async_tidy::lsp

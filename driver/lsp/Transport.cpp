//===--- Transport.cpp ----------------------------------------------------===//

#include "Transport.h"

using namespace llvm;

namespace async_tidy::lsp {

// Far above any source file an editor sends; a larger length is taken for a
// corrupted header rather than allocated.
static constexpr size_t MaxContentLength = 256u << 20;

/// One header line without its line end; false at the end of the input.
bool Transport::readLine(std::string &Line) {
  Line.clear();
  int C;
  while ((C = std::getc(In)) != EOF) {
    if (C == '\n') {
      if (!Line.empty() && Line.back() == '\r')
        Line.pop_back();
      return true;
    }
    Line.push_back(static_cast<char>(C));
  }
  return !Line.empty();
}

Incoming Transport::read() {
  std::string Line;
  std::optional<size_t> Length;
  bool SawHeader = false;
  for (;;) {
    if (!readLine(Line)) {
      if (!SawHeader)
        return {Incoming::End, nullptr, ""};
      return {Incoming::BadHeader, nullptr, "the input ended inside a header"};
    }
    if (Line.empty()) {
      if (SawHeader)
        break;
      continue; // Blank lines between messages carry nothing.
    }
    SawHeader = true;
    auto [Name, Value] = StringRef(Line).split(':');
    if (!Name.trim().equals_insensitive("Content-Length"))
      continue; // Content-Type and any other header do not change framing.
    size_t N;
    if (Value.trim().getAsInteger(10, N) || N > MaxContentLength)
      return {Incoming::BadHeader, nullptr,
              "invalid Content-Length '" + Value.trim().str() + "'"};
    Length = N;
  }
  if (!Length)
    return {Incoming::BadHeader, nullptr, "a header without Content-Length"};

  std::string Body(*Length, '\0');
  if (std::fread(Body.data(), 1, *Length, In) != *Length)
    return {Incoming::BadHeader, nullptr,
            "the input ended inside a message body"};
  Expected<json::Value> Parsed = json::parse(Body);
  if (!Parsed)
    return {Incoming::BadJson, nullptr, toString(Parsed.takeError())};
  return {Incoming::Message, std::move(*Parsed), ""};
}

void Transport::send(const json::Value &Message) {
  std::string Body;
  raw_string_ostream(Body) << Message;
  std::lock_guard<std::mutex> Guard(OutLock);
  Out << "Content-Length: " << Body.size() << "\r\n\r\n" << Body;
  Out.flush();
}

} // namespace async_tidy::lsp

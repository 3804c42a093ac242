//===--- Transport.h - LSP base protocol over a pair of streams -----------===//
//
// The framing of the Language Server Protocol: each message is a header block
// ("Content-Length: N", other headers ignored, a blank line) followed by N
// bytes of JSON. llvm::json parses and prints the JSON; the framing is all
// this file adds.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_DRIVER_LSP_TRANSPORT_H
#define ASYNC_TIDY_DRIVER_LSP_TRANSPORT_H

#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"
#include <cstdio>
#include <mutex>
#include <string>

namespace async_tidy::lsp {

struct Incoming {
  enum Kind : uint8_t {
    Message,   ///< Value holds the parsed message.
    BadJson,   ///< A well-framed body that is not JSON; the next frame is fine.
    BadHeader, ///< No usable Content-Length: the next frame cannot be found.
    End,       ///< The input ended.
  };
  Kind What;
  llvm::json::Value Value = nullptr;
  std::string Error;
};

class Transport {
public:
  Transport(std::FILE *In, llvm::raw_ostream &Out) : In(In), Out(Out) {}

  /// Reads the next frame; called from one thread only.
  Incoming read();

  /// Frames and writes \p Message; safe to call from any thread.
  void send(const llvm::json::Value &Message);

private:
  bool readLine(std::string &Line);

  std::FILE *In;
  llvm::raw_ostream &Out;
  std::mutex OutLock;
};

} // namespace async_tidy::lsp

#endif // ASYNC_TIDY_DRIVER_LSP_TRANSPORT_H

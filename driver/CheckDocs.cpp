//===--- CheckDocs.cpp ----------------------------------------------------===//

#include "CheckDocs.h"
#include "llvm/ADT/StringMap.h"

namespace async_tidy {

std::optional<llvm::StringRef> checkDoc(llvm::StringRef Check) {
  static const llvm::StringMap<llvm::StringRef> Docs = {
#include "CheckDocs.inc"
  };
  auto It = Docs.find(Check);
  if (It == Docs.end())
    return std::nullopt;
  return It->second;
}

} // namespace async_tidy

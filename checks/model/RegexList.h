//===--- RegexList.h - Semicolon-separated regular expression options -----===//

#ifndef ASYNC_TIDY_CHECKS_MODEL_REGEXLIST_H
#define ASYNC_TIDY_CHECKS_MODEL_REGEXLIST_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Regex.h"
#include <string>
#include <vector>

namespace clang::tidy::async::model {

/// Splits an option value on ';' and trims blanks. Commas are kept: they
/// are common inside regular expressions.
std::vector<std::string> splitOptionList(llvm::StringRef Value);

/// A list of regular expressions from one option. Each is anchored, so
/// "std::.*" does not match "mystd::x".
class RegexList {
public:
  RegexList() = default;
  /// Compiles \p Value; returns an error message naming the first invalid
  /// expression, or an empty string.
  std::string assign(llvm::StringRef Value);
  bool matches(llvm::StringRef Text) const;
  bool empty() const { return Patterns.empty(); }

private:
  std::vector<llvm::Regex> Patterns;
};

} // namespace clang::tidy::async::model

#endif // ASYNC_TIDY_CHECKS_MODEL_REGEXLIST_H

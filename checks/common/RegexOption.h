//===--- RegexOption.h - A check option of regular expressions ------------===//
//
// Several checks take an option of semicolon-separated regular expressions
// (AllowedFunctions, CancelFunctions, ...). A RegexOption member reads it in
// the check's constructor, reports an invalid expression as a configuration
// error naming the option, and is stored back by AsyncModelCheck.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_CHECKS_COMMON_REGEXOPTION_H
#define ASYNC_TIDY_CHECKS_COMMON_REGEXOPTION_H

#include "AsyncModelCheck.h"
#include "checks/model/RegexList.h"

namespace clang::tidy::async {

class RegexOption {
public:
  /// Reads option \p Name of \p Check, \p Default when it is not set.
  RegexOption(AsyncModelCheck &Check, StringRef Name, StringRef Default = "");
  RegexOption(const RegexOption &) = delete;
  RegexOption &operator=(const RegexOption &) = delete;

  bool empty() const { return List.empty(); }
  bool matches(StringRef Text) const { return List.matches(Text); }
  /// Whether any name the call is known by (model::callKeys) matches.
  bool matchesCall(const CallExpr &Call) const;

  StringRef name() const { return Name; }
  /// The value as configured, stored back as is.
  StringRef text() const { return Text; }

private:
  std::string Name;
  std::string Text;
  model::RegexList List;
};

} // namespace clang::tidy::async

#endif // ASYNC_TIDY_CHECKS_COMMON_REGEXOPTION_H

//===--- RegexOption.cpp --------------------------------------------------===//

#include "RegexOption.h"
#include "checks/model/ApiNames.h"

namespace clang::tidy::async {

RegexOption::RegexOption(AsyncModelCheck &Check, StringRef Name,
                         StringRef Default)
    : Name(Name), Text(Check.Options.get(Name, Default)) {
  std::string Error = List.assign(Text);
  if (!Error.empty())
    Check.configurationDiag("%0: %1", DiagnosticIDs::Error) << Name << Error;
  Check.RegexOptions.push_back(this);
}

bool RegexOption::matchesCall(const CallExpr &Call) const {
  if (List.empty())
    return false;
  return llvm::any_of(model::callKeys(Call), [this](const std::string &Key) {
    return List.matches(Key);
  });
}

} // namespace clang::tidy::async

//===--- RegexList.cpp ----------------------------------------------------===//

#include "RegexList.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/Twine.h"

namespace clang::tidy::async::model {

std::vector<std::string> splitOptionList(llvm::StringRef Value) {
  std::vector<std::string> Items;
  llvm::SmallVector<llvm::StringRef, 8> Parts;
  Value.split(Parts, ';', -1, /*KeepEmpty=*/false);
  for (llvm::StringRef Part : Parts) {
    Part = Part.trim();
    if (!Part.empty())
      Items.push_back(Part.str());
  }
  return Items;
}

std::string RegexList::assign(llvm::StringRef Value) {
  Patterns.clear();
  for (const std::string &Item : splitOptionList(Value)) {
    llvm::Regex Re("^(" + Item + ")$");
    std::string Error;
    if (!Re.isValid(Error))
      return (llvm::Twine("invalid regular expression '") + Item +
              "': " + Error)
          .str();
    Patterns.push_back(std::move(Re));
  }
  return {};
}

bool RegexList::matches(llvm::StringRef Text) const {
  for (const llvm::Regex &Re : Patterns)
    if (Re.match(Text))
      return true;
  return false;
}

} // namespace clang::tidy::async::model

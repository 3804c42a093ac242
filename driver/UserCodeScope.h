//===--- UserCodeScope.h - Match only outside system headers --------------===//
//
// clang-tidy 19 walks every declaration of a translation unit with its
// matchers, then drops what they find in system headers. On a TU that
// includes Boost.Asio that walk is most of the checks' cost. Our checks
// never look at parents across the system-header boundary, so when only
// they run, the walk can start from the declarations outside system headers.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_DRIVER_USERCODESCOPE_H
#define ASYNC_TIDY_DRIVER_USERCODESCOPE_H

#include "clang/AST/ASTConsumer.h"
#include "llvm/ADT/ArrayRef.h"
#include <string>

namespace async_tidy {

/// Whether every check in \p EnabledChecks is one of ours. Stock checks may
/// ask for parents in system headers, which a narrowed scope hides, so they
/// keep the whole translation unit.
bool onlyAsyncChecks(llvm::ArrayRef<std::string> EnabledChecks);

/// Sets the AST's traversal scope to the top-level declarations outside
/// system headers. It must see the end of the translation unit before the
/// consumer that runs the matchers. Instantiations go with their template,
/// so a user template instantiated by library code stays in. What is lost
/// is user code inside a system header's top-level declaration: a project
/// file included from within a library's namespace block.
class UserCodeScope : public clang::ASTConsumer {
public:
  void HandleTranslationUnit(clang::ASTContext &Context) override;
};

} // namespace async_tidy

#endif // ASYNC_TIDY_DRIVER_USERCODESCOPE_H

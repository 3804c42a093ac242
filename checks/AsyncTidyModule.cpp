//===--- AsyncTidyModule.cpp - The async-* checks -------------------------===//
//
// Registers every check of CheckCatalog.def; the headers come from the same
// entries (CMake writes AsyncCheckHeaders.inc), so this file never changes
// when a check is added.
//
//===----------------------------------------------------------------------===//

#include "AsyncCheckHeaders.inc"
#include "clang-tidy/ClangTidyModule.h"
#include "llvm/Config/llvm-config.h"
#if LLVM_VERSION_MAJOR < 22 // merged into ClangTidyModule.h since
#include "clang-tidy/ClangTidyModuleRegistry.h"
#endif

namespace clang::tidy {
namespace async {

class AsyncTidyModule : public ClangTidyModule {
public:
  void addCheckFactories(ClangTidyCheckFactories &CheckFactories) override {
#define ASYNC_CHECK(Name, Class, Header, Default, Summary)                     \
  CheckFactories.registerCheck<Class>(Name);
#include "CheckCatalog.def"
  }
};

} // namespace async

static ClangTidyModuleRegistry::Add<async::AsyncTidyModule>
    X("AsyncTidyModule", "Checks for misuse of asynchronous code.");

} // namespace clang::tidy

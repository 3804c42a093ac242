//===--- AsyncTidyModule.cpp - The async-* checks
//--------------------------===//

#include "BlockingCallCheck.h"
#include "DetachedDanglingReferenceCheck.h"
#include "DiscardedTaskCheck.h"
#include "InlineContinuationCheck.h"
#include "SyncOverAsyncCheck.h"
#include "UndisposedTimeoutCheck.h"
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
#define ASYNC_CHECK(Name, Class, Summary)                                      \
  CheckFactories.registerCheck<Class>(Name);
#include "CheckCatalog.def"
  }
};

} // namespace async

static ClangTidyModuleRegistry::Add<async::AsyncTidyModule>
    X("AsyncTidyModule", "Checks for misuse of asynchronous code.");

} // namespace clang::tidy

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
    CheckFactories.registerCheck<BlockingCallCheck>("async-blocking-call");
    CheckFactories.registerCheck<DetachedDanglingReferenceCheck>(
        "async-detached-dangling-reference");
    CheckFactories.registerCheck<DiscardedTaskCheck>("async-discarded-task");
    CheckFactories.registerCheck<InlineContinuationCheck>(
        "async-inline-continuation");
    CheckFactories.registerCheck<SyncOverAsyncCheck>("async-sync-over-async");
    CheckFactories.registerCheck<UndisposedTimeoutCheck>(
        "async-undisposed-timeout");
  }
};

} // namespace async

static ClangTidyModuleRegistry::Add<async::AsyncTidyModule>
    X("AsyncTidyModule", "Checks for misuse of asynchronous code.");

} // namespace clang::tidy

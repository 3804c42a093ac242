//===--- AsyncModelCheck.h - Base for checks that use the async model -----===//
//
// Owns the shared async model, built once from the options every async check
// shares (AsyncFunctions, SchedulingFunctions, TaskTypes, LockTypes,
// MaxCallDepth), and stores those options back.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_CHECKS_COMMON_ASYNCMODELCHECK_H
#define ASYNC_TIDY_CHECKS_COMMON_ASYNCMODELCHECK_H

#include "checks/model/AsyncModel.h"
#include "clang-tidy/ClangTidyCheck.h"

namespace clang::tidy::async {

class AsyncModelCheck : public ClangTidyCheck {
public:
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus;
  }
  std::optional<TraversalKind> getCheckTraversalKind() const override {
    return TK_AsIs;
  }

protected:
  AsyncModelCheck(StringRef Name, ClangTidyContext *Context);

  const model::AsyncModel &model() const { return Model; }

  /// Compiles a regex-list option, reporting an invalid expression as a
  /// configuration error.
  void assignRegexOption(model::RegexList &List, StringRef Option,
                         StringRef Value);

private:
  model::AsyncModelOptions ModelOptions;
  model::AsyncModel Model;
};

} // namespace clang::tidy::async

#endif // ASYNC_TIDY_CHECKS_COMMON_ASYNCMODELCHECK_H

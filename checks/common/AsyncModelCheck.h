//===--- AsyncModelCheck.h - Base for checks that use the async model -----===//
//
// Gives each check the async model built from the options every async check
// shares (AsyncFunctions, SchedulingFunctions, TaskTypes, LockTypes,
// ReferenceLikeTypes, CompletionCallbacks, TimerTypes, MaxCallDepth). All
// checks of a translation unit with the same values share one model, and
// the options are stored back once, without a check prefix. Also what every
// check needs: its RegexOptions stored back, each place reported once.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_CHECKS_COMMON_ASYNCMODELCHECK_H
#define ASYNC_TIDY_CHECKS_COMMON_ASYNCMODELCHECK_H

#include "checks/model/AsyncModel.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "llvm/ADT/DenseSet.h"
#include <memory>

namespace clang::tidy::async {

class RegexOption;

class AsyncModelCheck : public ClangTidyCheck {
public:
  /// Stores the shared options and the check's RegexOptions.
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void onStartOfTranslationUnit() override { Reported.clear(); }
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus;
  }
  std::optional<TraversalKind> getCheckTraversalKind() const override {
    return TK_AsIs;
  }

protected:
  AsyncModelCheck(StringRef Name, ClangTidyContext *Context);

  const model::AsyncModel &model() const { return *Model; }

  /// True the first time \p Loc is passed in this translation unit: a
  /// statement shared by template instantiations is seen once per
  /// instantiation, and is to be reported once.
  bool reportOnce(SourceLocation Loc) { return Reported.insert(Loc).second; }

  /// A note at the declaration the model gave a role by its shape, saying
  /// why; nothing for a null \p Role.
  void noteInferred(const model::InferredRole *Role);

private:
  friend class RegexOption;

  ClangTidyContext *TidyContext;
  std::shared_ptr<const model::AsyncModel> Model;
  std::vector<const RegexOption *> RegexOptions;
  llvm::DenseSet<SourceLocation> Reported;
};

} // namespace clang::tidy::async

#endif // ASYNC_TIDY_CHECKS_COMMON_ASYNCMODELCHECK_H

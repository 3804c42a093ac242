//===--- AsyncModelCheck.cpp ----------------------------------------------===//

#include "AsyncModelCheck.h"
#include "RegexOption.h"
#include <map>
#include <mutex>
#include <thread>

namespace clang::tidy::async {

/// The model for \p Options, shared with every other check of the current
/// translation unit that has the same option values.
///
/// The checks own the model (shared_ptr); the registry only finds it, so it
/// dies with the last check of its translation unit. That lifetime is
/// required, not chosen for memory: the model caches answers by AST node
/// address, valid only while that AST lives. clang-tidy creates the checks
/// per translation unit and destroys them before the next one on the same
/// thread; the key includes the thread so that a host analysing several
/// translation units at once on different threads never shares a model
/// (and its caches) between them. A configuration error is reported by the
/// check that builds the model, so once per translation unit.
static std::shared_ptr<const model::AsyncModel>
sharedModel(const model::AsyncModelOptions &Options,
            llvm::function_ref<void(StringRef)> OnError) {
  using Key = std::pair<std::thread::id, std::string>;
  static std::mutex Mutex;
  static std::map<Key, std::weak_ptr<const model::AsyncModel>> Models;

  std::lock_guard<std::mutex> Lock(Mutex);
  std::weak_ptr<const model::AsyncModel> &Slot =
      Models[{std::this_thread::get_id(), Options.key()}];
  if (std::shared_ptr<const model::AsyncModel> Model = Slot.lock())
    return Model;
  auto Model = std::make_shared<const model::AsyncModel>(Options, OnError);
  Slot = Model;
  // Forget the models of finished translation units.
  for (auto It = Models.begin(); It != Models.end();)
    It = It->second.expired() ? Models.erase(It) : std::next(It);
  return Model;
}

AsyncModelCheck::AsyncModelCheck(StringRef Name, ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context), TidyContext(Context),
      Model(sharedModel(
          model::AsyncModelOptions(Options), [this](StringRef Error) {
            configurationDiag("%0", DiagnosticIDs::Error) << Error;
          })) {}

void AsyncModelCheck::noteInferred(const model::InferredRole *Role) {
  if (Role)
    diag(Role->Decl->getLocation(), "%0", DiagnosticIDs::Note) << Role->Why;
}

void AsyncModelCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  // Shared options go back once, at the top level, with the value the
  // configuration gives there; a check's own override stays under its name.
  // A configuration made from --dump-config thus means what the original
  // meant.
  const ClangTidyOptions::OptionMap &Configured =
      TidyContext->getOptions().CheckOptions;
  for (auto [Name, Default] : model::AsyncModelOptions::defaults()) {
    auto Global = Configured.find(Name);
    Opts[Name] = Global != Configured.end() ? Global->second.Value : Default;
    if (std::optional<StringRef> Local = Options.get(Name))
      Options.store(Opts, Name, *Local);
  }
  for (const RegexOption *Option : RegexOptions)
    Options.store(Opts, Option->name(), Option->text());
}

} // namespace clang::tidy::async

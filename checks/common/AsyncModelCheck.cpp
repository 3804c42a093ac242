//===--- AsyncModelCheck.cpp ----------------------------------------------===//

#include "AsyncModelCheck.h"

namespace clang::tidy::async {

AsyncModelCheck::AsyncModelCheck(StringRef Name, ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context), ModelOptions(Options),
      Model(ModelOptions, [this](StringRef Error) {
        configurationDiag("%0", DiagnosticIDs::Error) << Error;
      }) {}

void AsyncModelCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  ModelOptions.store(Options, Opts);
}

void AsyncModelCheck::assignRegexOption(model::RegexList &List,
                                        StringRef Option, StringRef Value) {
  std::string Error = List.assign(Value);
  if (!Error.empty())
    configurationDiag("%0: %1", DiagnosticIDs::Error) << Option << Error;
}

} // namespace clang::tidy::async

//===--- ContextDescription.cpp -------------------------------------------===//

#include "ContextDescription.h"
#include "ApiNames.h"
#include "clang/AST/DeclCXX.h"

namespace clang::tidy::async::model {

std::string callableName(const FunctionDecl &Callable) {
  if (const auto *Method = dyn_cast<CXXMethodDecl>(&Callable)) {
    if (Method->getParent()->isLambda())
      return {};
    if (Method->getParent()->getIdentifier())
      return (Method->getParent()->getName() + "::" + Method->getNameAsString())
          .str();
  }
  return Callable.getNameAsString();
}

static std::string schedulerName(const AsyncRoot &Root) {
  llvm::SmallVector<std::string, 2> Keys = callKeys(*Root.Scheduler);
  return Keys.empty() ? std::string("a scheduling call") : Keys.front();
}

/// "coroutine 'serve'", "lambda run by 'boost::asio::post'", "'f'".
static std::string describeCallable(const FunctionDecl &Callable,
                                    const AsyncRoot *Root) {
  std::string Name = callableName(Callable);
  bool Coroutine = isCoroutine(Callable);
  std::string Subject;
  if (Name.empty())
    Subject = Coroutine ? "a coroutine lambda" : "a lambda";
  else
    Subject = (Coroutine ? "coroutine '" : "'") + Name + "'";
  if (!Root || !Root->Scheduler) {
    if (Root && Root->Kind == RootKind::Configured)
      return Subject + ", declared async";
    return Subject;
  }
  std::string Api = schedulerName(*Root);
  std::string Sep = Name.empty() ? " " : ", ";
  switch (Root->Kind) {
  case RootKind::Continuation:
    return Subject + Sep + "attached as a continuation with '" + Api + "'";
  case RootKind::CompletionHandler:
    return Subject + Sep + "used as completion handler of '" + Api + "'";
  default:
    return Subject + Sep + "run by '" + Api + "'";
  }
}

std::string describeContext(const AsyncPath &Path,
                            const FunctionDecl &Callable) {
  if (Path.Chain.empty())
    return describeCallable(Callable, Path.Root);
  return describeCallable(Callable, nullptr) + ", called from " +
         describeCallable(*Path.Root->Callable, Path.Root);
}

void emitContextNotes(const AsyncPath &Path, NoteEmitter Note) {
  const AsyncRoot &Root = *Path.Root;
  if (Root.Scheduler) {
    std::string Name = callableName(*Root.Callable);
    std::string What = Name.empty() ? "the lambda" : "'" + Name + "'";
    std::string Api = schedulerName(Root);
    switch (Root.Kind) {
    case RootKind::Continuation:
      Note(Root.Scheduler->getExprLoc(),
           What + " is attached as a continuation with '" + Api + "' here");
      break;
    case RootKind::CompletionHandler:
      Note(Root.Scheduler->getExprLoc(),
           What + " is the completion handler of '" + Api + "' here");
      break;
    default:
      Note(Root.Scheduler->getExprLoc(),
           What + " is run by '" + Api + "' here");
      break;
    }
  }
  for (const CallEdge &Edge : Path.Chain) {
    std::string Callee = callableName(*Edge.Callee);
    std::string Caller = Edge.Caller == Root.Callable
                             ? describeCallable(*Edge.Caller, &Root)
                             : describeCallable(*Edge.Caller, nullptr);
    if (Callee.empty())
      Note(Edge.Loc, "a lambda is called here from " + Caller);
    else
      Note(Edge.Loc,
           (llvm::Twine("'") + Callee + "' is called here from " + Caller)
               .str());
  }
}

} // namespace clang::tidy::async::model

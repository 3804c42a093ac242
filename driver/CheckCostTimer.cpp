//===--- CheckCostTimer.cpp -----------------------------------------------===//

#include "CheckCostTimer.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/Timer.h"
#include "llvm/Support/raw_ostream.h"
#include <string>

using namespace clang;

namespace async_tidy {

namespace {

struct Stopwatch {
  std::string File;
  llvm::TimeRecord Created = llvm::TimeRecord::getCurrentTime(true);
  llvm::TimeRecord ParsingDone;
};

/// First at the end of the TU: the front end has finished.
class StartChecks : public ASTConsumer {
public:
  explicit StartChecks(std::shared_ptr<Stopwatch> Watch)
      : Watch(std::move(Watch)) {}
  void HandleTranslationUnit(ASTContext &) override {
    Watch->ParsingDone = llvm::TimeRecord::getCurrentTime(false);
  }

private:
  std::shared_ptr<Stopwatch> Watch;
};

/// Last at the end of the TU: every check has finished.
class EndChecks : public ASTConsumer {
public:
  explicit EndChecks(std::shared_ptr<Stopwatch> Watch)
      : Watch(std::move(Watch)) {}
  void HandleTranslationUnit(ASTContext &) override {
    llvm::TimeRecord Checks = llvm::TimeRecord::getCurrentTime(true);
    Checks -= Watch->ParsingDone;
    llvm::TimeRecord FrontEnd = Watch->ParsingDone;
    FrontEnd -= Watch->Created;
    llvm::errs() << "async-tidy: time in " << Watch->File << ": front end "
                 << llvm::format("%.4f", FrontEnd.getWallTime())
                 << " s, checks " << llvm::format("%.4f", Checks.getWallTime())
                 << " s (wall clock; the checks' time covers the AST walk, "
                    "the match callbacks and the end-of-TU analysis)\n";
  }

private:
  std::shared_ptr<Stopwatch> Watch;
};

} // namespace

std::vector<std::unique_ptr<ASTConsumer>>
timeCheckCost(llvm::StringRef File,
              std::vector<std::unique_ptr<ASTConsumer>> Checks) {
  auto Watch = std::make_shared<Stopwatch>();
  Watch->File = File.str();
  std::vector<std::unique_ptr<ASTConsumer>> Timed;
  Timed.push_back(std::make_unique<StartChecks>(Watch));
  for (std::unique_ptr<ASTConsumer> &Consumer : Checks)
    Timed.push_back(std::move(Consumer));
  Timed.push_back(std::make_unique<EndChecks>(Watch));
  return Timed;
}

} // namespace async_tidy

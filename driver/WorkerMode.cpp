//===--- WorkerMode.cpp ---------------------------------------------------===//

#include "WorkerMode.h"
#include "OptionsProvider.h"
#include "llvm/Support/MemoryBuffer.h"

using namespace llvm;

namespace async_tidy {

int analyzeForParentProcess(const DriverOptions &Options,
                            const clang::tooling::CompilationDatabase &Database,
                            const IntrusiveRefCntPtr<vfs::FileSystem> &BaseFS,
                            const std::string &File) {
  AnalysisRequest Request = Options.Analysis;
  Request.File = File;
  if (!Options.WorkerContents.empty()) {
    auto Buffer = MemoryBuffer::getFile(Options.WorkerContents);
    if (!Buffer)
      return fail("cannot read '" + Options.WorkerContents +
                  "': " + Buffer.getError().message());
    Request.Contents = (*Buffer)->getBuffer().str();
  }
  auto Provider = makeOptionsProvider(Options, BaseFS);
  if (!Provider)
    return fail(toString(Provider.takeError()));
  runTestHooks(Options.Hooks, File);
  WorkerResult Result =
      analyze(Database, std::move(*Provider), BaseFS, Request);
  LineTable Lines;
  if (Request.Contents)
    Lines.setText(File, *Request.Contents);
  if (Error E = writeWorkerResult(Options.WorkerOutput, Result, Lines))
    return fail("cannot write '" + Options.WorkerOutput +
                "': " + toString(std::move(E)));
  return Clean;
}

} // namespace async_tidy

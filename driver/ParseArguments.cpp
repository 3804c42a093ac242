//===--- ParseArguments.cpp -----------------------------------------------===//

#include "ParseArguments.h"
#include "ExitStatus.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/Path.h"

using namespace llvm;

namespace async_tidy {

bool parseArguments(int Argc, const char *const *Argv, StringRef Overview,
                    StringRef Tool) {
  std::string Errors;
  raw_string_ostream ErrorStream(Errors);
  if (cl::ParseCommandLineOptions(Argc, Argv, Overview, &ErrorStream))
    return true;
  // Most errors (a bad value, a missing one) LLVM prints itself; the ones
  // it hands back start with the program's name, which the label repeats.
  StringRef Message = StringRef(Errors).trim();
  if (Message.empty())
    return false;
  Message.consume_front((sys::path::filename(Argv[0]) + ": ").str());
  fail(Message, Tool);
  return false;
}

} // namespace async_tidy

//===--- ReportRoot.cpp ---------------------------------------------------===//

#include "ReportRoot.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

using namespace llvm;

namespace async_tidy {

namespace {

class Relativizer {
public:
  explicit Relativizer(StringRef Folder) : Root(Folder) {
    if (sys::fs::make_absolute(Root))
      Root = Folder;
    sys::path::remove_dots(Root, /*remove_dot_dot=*/true);
    while (Root.size() > 1 && sys::path::is_separator(Root.back()))
      Root.pop_back();
  }

  void object(json::Object &Object) const {
    for (auto &[Key, Value] : Object) {
      if (Key == "file" || Key == "buildDirectory") {
        name(Value);
      } else if (Key == "failedFiles" || Key == "files") {
        if (json::Array *Names = Value.getAsArray())
          for (json::Value &Name : *Names)
            name(Name);
      } else {
        nested(Value);
      }
    }
  }

private:
  void nested(json::Value &Value) const {
    if (json::Object *Object = Value.getAsObject())
      object(*Object);
    else if (json::Array *Array = Value.getAsArray())
      for (json::Value &Element : *Array)
        nested(Element);
  }

  void name(json::Value &Value) const {
    std::optional<StringRef> Name = Value.getAsString();
    if (!Name)
      return;
    SmallString<256> Path(*Name);
    sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
    if (Path == Root) {
      Value = ".";
      return;
    }
    StringRef Rest = Path;
    if (Rest.consume_front(Root) && !Rest.empty() &&
        sys::path::is_separator(Rest.front()))
      Value = Rest.drop_front().str();
  }

  SmallString<256> Root;
};

} // namespace

void relativizeReport(json::Object &Report, StringRef Root) {
  Relativizer(Root).object(Report);
}

} // namespace async_tidy

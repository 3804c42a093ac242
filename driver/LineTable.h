//===--- LineTable.h - File offsets to lines and columns ------------------===//

#ifndef ASYNC_TIDY_DRIVER_LINETABLE_H
#define ASYNC_TIDY_DRIVER_LINETABLE_H

#include "llvm/ADT/StringMap.h"
#include "llvm/Support/MemoryBuffer.h"
#include <algorithm>
#include <string>
#include <vector>

namespace async_tidy {

/// Maps file offsets to 1-based line and column (in bytes), reading each
/// file once; the reports are written after the ASTs are gone.
class LineTable {
public:
  std::pair<unsigned, unsigned> position(llvm::StringRef File,
                                         unsigned Offset) {
    const std::vector<unsigned> &Lines = starts(File);
    auto Next = std::upper_bound(Lines.begin(), Lines.end(), Offset);
    unsigned Line = Next - Lines.begin();
    return {Line, Offset - Lines[Line - 1] + 1};
  }

  /// The text of the line holding \p Offset, without its end of line.
  llvm::StringRef lineText(llvm::StringRef File, unsigned Offset) {
    starts(File);
    llvm::StringRef Text = Texts[File];
    if (Offset > Text.size())
      return {};
    size_t Begin = Text.rfind('\n', Offset == 0 ? 0 : Offset - 1);
    Begin = Begin == llvm::StringRef::npos || Offset == 0 ? 0 : Begin + 1;
    size_t End = Text.find('\n', Offset);
    return Text.slice(Begin, End);
  }

  /// Uses \p Text for \p File instead of what is on disk (an editor's
  /// unsaved buffer).
  void setText(llvm::StringRef File, std::string Text) {
    Starts.erase(File);
    index(File, std::move(Text));
  }

private:
  const std::vector<unsigned> &starts(llvm::StringRef File) {
    auto It = Starts.find(File);
    if (It != Starts.end())
      return It->second;
    std::string Text;
    if (auto Buffer = llvm::MemoryBuffer::getFile(File))
      Text = (*Buffer)->getBuffer().str();
    return index(File, std::move(Text));
  }

  const std::vector<unsigned> &index(llvm::StringRef File, std::string Text) {
    std::vector<unsigned> Lines{0};
    for (size_t I = 0; I < Text.size(); ++I)
      if (Text[I] == '\n')
        Lines.push_back(I + 1);
    Texts[File] = std::move(Text);
    return Starts.try_emplace(File, std::move(Lines)).first->second;
  }

  llvm::StringMap<std::vector<unsigned>> Starts;
  llvm::StringMap<std::string> Texts;
};

} // namespace async_tidy

#endif // ASYNC_TIDY_DRIVER_LINETABLE_H

//===--- Convert.cpp ------------------------------------------------------===//

#include "Convert.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Path.h"
#include <algorithm>

using namespace llvm;

namespace async_tidy::lsp {

TextIndex::TextIndex(std::string TheText) : Text(std::move(TheText)) {
  LineStarts.push_back(0);
  for (size_t I = 0; I < Text.size(); ++I)
    if (Text[I] == '\n')
      LineStarts.push_back(I + 1);
}

/// UTF-16 code units in \p Utf8: one per sequence, two for the four-byte
/// sequences (outside the basic plane). A stray byte counts as one unit,
/// as editors show it as one replacement character.
static size_t utf16Length(StringRef Utf8) {
  size_t Units = 0;
  for (size_t I = 0; I < Utf8.size();) {
    unsigned char Lead = Utf8[I];
    size_t Bytes = 1;
    if ((Lead >> 5) == 0x6)
      Bytes = 2;
    else if ((Lead >> 4) == 0xE)
      Bytes = 3;
    else if ((Lead >> 3) == 0x1E)
      Bytes = 4;
    Units += Bytes == 4 ? 2 : 1;
    I += std::min(Bytes, Utf8.size() - I);
  }
  return Units;
}

Point TextIndex::point(size_t Offset) const {
  Offset = std::min(Offset, Text.size());
  size_t Line = std::upper_bound(LineStarts.begin(), LineStarts.end(), Offset) -
                LineStarts.begin() - 1;
  StringRef Prefix = StringRef(Text).slice(LineStarts[Line], Offset);
  return {static_cast<int64_t>(Line),
          static_cast<int64_t>(utf16Length(Prefix))};
}

json::Object TextIndex::position(size_t Offset) const {
  auto [Line, Character] = point(Offset);
  return json::Object{{"line", Line}, {"character", Character}};
}

json::Object TextIndex::range(size_t Begin, size_t End) const {
  return json::Object{{"start", position(Begin)}, {"end", position(End)}};
}

/// RFC 3986 unreserved characters and the path separator stay as they are.
static bool keepsItsSpelling(char C) {
  return isAlnum(C) || StringRef("-._~/").contains(C);
}

std::string uriFromPath(StringRef Path) {
  std::string Uri = "file://";
  for (char C : Path) {
    if (keepsItsSpelling(C)) {
      Uri.push_back(C);
    } else {
      Uri.push_back('%');
      Uri.push_back(hexdigit(static_cast<unsigned char>(C) >> 4));
      Uri.push_back(hexdigit(static_cast<unsigned char>(C) & 0xF));
    }
  }
  return Uri;
}

Expected<std::string> pathFromUri(StringRef Uri) {
  auto Invalid = [&](const Twine &Why) {
    return createStringError(inconvertibleErrorCode(),
                             "unsupported URI '" + Uri + "': " + Why);
  };
  StringRef Rest = Uri;
  if (!Rest.consume_front_insensitive("file://"))
    return Invalid("only file:// URIs name files the analysis can read");
  // An authority other than the local host would be another machine's file.
  size_t Slash = Rest.find('/');
  StringRef Authority = Rest.take_front(Slash);
  if (!Authority.empty() && !Authority.equals_insensitive("localhost"))
    return Invalid("the file is on host '" + Authority + "'");
  Rest = Rest.drop_front(Authority.size());
  std::string Path;
  for (size_t I = 0; I < Rest.size(); ++I) {
    if (Rest[I] != '%') {
      Path.push_back(Rest[I]);
      continue;
    }
    unsigned Value;
    if (I + 2 >= Rest.size() || Rest.substr(I + 1, 2).getAsInteger(16, Value))
      return Invalid("an invalid percent escape");
    Path.push_back(static_cast<char>(Value));
    I += 2;
  }
  if (!sys::path::is_absolute(Path))
    return Invalid("the path is not absolute");
  return Path;
}

} // namespace async_tidy::lsp

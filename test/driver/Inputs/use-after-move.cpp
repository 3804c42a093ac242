// A stock clang-tidy check's finding (bugprone-use-after-move).
#include <string>
#include <utility>

unsigned long f(std::string s) {
  std::string t = std::move(s);
  return s.size() + t.size();
}

#pragma once
#include <future>
#include <string>

namespace chat {
// Looks users up in a remote directory service; the answer arrives on the
// service's own thread.
class Directory {
public:
  std::future<std::string> lookup(const std::string &user);
  std::string display_name(const std::string &user);
};
} // namespace chat

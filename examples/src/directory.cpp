#include "chat/directory.hpp"
#include <thread>

namespace chat {
std::future<std::string> Directory::lookup(const std::string &user) {
  std::promise<std::string> answer;
  std::future<std::string> result = answer.get_future();
  std::thread([user, answer = std::move(answer)]() mutable {
    answer.set_value("user:" + user);
  }).detach();
  return result;
}

// Blocks until the directory answers: fine on the startup path, a stall
// when a session calls it (async-tidy follows the call).
std::string Directory::display_name(const std::string &user) {
  return lookup(user).get();
}
} // namespace chat

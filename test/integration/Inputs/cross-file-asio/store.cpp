#include "store.h"
#include <future>

int loadCount() {
  std::future<int> Pending = std::async(std::launch::async, [] { return 1; });
  return Pending.get();
}

void use(const std::string &);

void saveLater(boost::asio::io_context &Context, const std::string &Text) {
  boost::asio::post(Context, [&Text] { use(Text); });
}

int cachedCount() { return 0; }

void saveCopy(boost::asio::io_context &Context, const std::string &Text) {
  boost::asio::post(Context, [Text] { use(Text); });
}

#include "jobs.h"
#include <thread>

void use(const std::string &);

void logLater(const std::string &Line) {
  std::thread([&Line] { use(Line); }).detach();
}

void postLater(boost::asio::io_context &Context, std::string &Text) {
  boost::asio::post(Context, [&Text] { use(Text); });
}

void logCopy(const std::string &Line) {
  std::thread([Line] { use(Line); }).detach();
}

void logJoined(const std::string &Line) {
  std::thread Worker([&Line] { use(Line); });
  Worker.join();
}

void runLater(std::function<void()> Work) {
  std::thread(std::move(Work)).detach();
}

void runNow(std::function<void()> Work) { Work(); }

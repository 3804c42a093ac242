#include "repository.h"
#include <chrono>
#include <thread>

int Repository::flush() {
  std::future<int> Pending = load();
  return Pending.get();
}

void Repository::compact() {
  std::this_thread::sleep_for(std::chrono::milliseconds(5));
}

int Repository::size() const { return 0; }

std::future<int> Repository::load() {
  std::promise<int> Ready;
  Ready.set_value(1);
  return Ready.get_future();
}

int readAll(Repository &Repo) { return Repo.flush(); }

int retryLater(Repository &Repo, int Left);

int retry(Repository &Repo, int Left) {
  return Left > 0 ? retryLater(Repo, Left - 1) : Repo.flush();
}

#include "repository.h"
#include "service.h"
#include "task.h"

task handle(Repository &Repo) {
  Repo.flush();
  Repo.compact();
  readAll(Repo);
  save(Repo);
  Repo.size();
  count(Repo);
  co_return;
}

int retryLater(Repository &Repo, int Left);

task again(Repository &Repo) {
  retryLater(Repo, 3);
  co_return;
}

// Not async context: blocking here is the caller's business.
int report(Repository &Repo) { return Repo.flush(); }

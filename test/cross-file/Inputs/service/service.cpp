#include "service.h"
#include "repository.h"

void save(Repository &Repo) { Repo.flush(); }

int count(Repository &Repo) { return Repo.size(); }

int retry(Repository &Repo, int Left);

// Calls back into repository.cpp: the two files recurse into each other.
int retryLater(Repository &Repo, int Left) { return retry(Repo, Left); }

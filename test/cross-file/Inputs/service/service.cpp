#include "service.h"
#include "repository.h"

void save(Repository &Repo) { Repo.flush(); }

int count(Repository &Repo) { return Repo.size(); }

// A repository whose members block in different ways; they are defined in
// repository.cpp, so a caller in another file sees only these declarations.
#pragma once
#include <future>

struct Repository {
  int flush();
  void compact();
  int size() const;
  std::future<int> load();
};

int readAll(Repository &Repo);

// Retries through service.cpp's retryLater until Left runs out, then flushes.
int retry(Repository &Repo, int Left);

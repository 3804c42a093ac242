#pragma once
struct Repository;

// Saves through the repository (service.cpp).
void save(Repository &Repo);
// Only counts (service.cpp): blocks nowhere.
int count(Repository &Repo);

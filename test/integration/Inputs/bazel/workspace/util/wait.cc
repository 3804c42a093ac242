#ifndef UTIL_COPTS
#error the target's copts were not passed
#endif
#include <future>

int wait_for(std::future<int> f) { return f.get(); }

#include "api.h"

cppcoro::task<int> handler() {
  flush();
  co_return 1;
}

#include "shared.h"

cppcoro::task<void> second() {
  flush();
  co_return;
}

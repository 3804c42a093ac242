#include "shared.h"

cppcoro::task<void> first() {
  flush();
  co_return;
}

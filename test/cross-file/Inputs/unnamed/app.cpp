#include "lib.h"
void serve(Dispatcher &D) {
  D.Schedule([] { loadRow(); });
  D.Schedule([] { cachedRow(); });
}

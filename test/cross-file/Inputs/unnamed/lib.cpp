#include "lib.h"
int loadRow() { return fetchRow().get(); }
int cachedRow() { return 7; }

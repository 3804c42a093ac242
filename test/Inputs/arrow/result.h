// Mock of arrow/result.h (Result<T> lives in arrow/status.h in the mocks).
#pragma once
#include <arrow/status.h>

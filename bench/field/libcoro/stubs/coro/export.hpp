// Stand-in for the header CMake's GenerateExportHeader writes for libcoro
// (static library build: the export macro expands to nothing).
#pragma once
#define CORO_EXPORT
#define CORO_NO_EXPORT

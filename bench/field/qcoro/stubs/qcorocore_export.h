// Stand-in for the header CMake generates (generate_export_header).
#pragma once
#define QCOROCORE_EXPORT

// Stand-in for zstd.h (libzstd): one-shot buffer compression.
#pragma once
#include <stddef.h>
extern "C" {
size_t ZSTD_compress(void *dst, size_t dstCapacity, const void *src,
                     size_t srcSize, int compressionLevel);
size_t ZSTD_decompress(void *dst, size_t dstCapacity, const void *src,
                       size_t compressedSize);
size_t ZSTD_compressBound(size_t srcSize);
}

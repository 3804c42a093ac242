// RUN: %check_async_tidy %s async-long-running-on-pool %t -- \
// RUN:   --config="{CheckOptions: {async-long-running-on-pool.CpuHeavyFunctions: 'img::render_thumbnail;img::Codec::encode_all', \
// RUN:     async-long-running-on-pool.AllowedFunctions: '^crypt$'}}" -- -std=c++20

// CpuHeavyFunctions adds the project's own heavy calls; AllowedFunctions
// takes table entries out (a crypt with a cheap hash method, say).

#include <crypt.h>
#include <string>
#include "cppcoro/task.hpp"

namespace img {
struct Image {};
Image render_thumbnail(const Image &);
Image render_icon(const Image &);
struct Codec {
  void encode_all(const Image &);
  void encode_one(const Image &);
};
} // namespace img

cppcoro::task<img::Image> thumbnail(img::Image in, img::Codec &codec) {
  codec.encode_all(in);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: CPU-heavy call 'img::Codec::encode_all' (listed in CpuHeavyFunctions) inside coroutine 'thumbnail' keeps its thread
  codec.encode_one(in);
  img::render_icon(in);
  co_return img::render_thumbnail(in);
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: CPU-heavy call 'img::render_thumbnail' (listed in CpuHeavyFunctions) inside coroutine 'thumbnail'
}

cppcoro::task<bool> legacy_login(std::string p, std::string stored) {
  co_return stored == crypt(p.c_str(), stored.c_str());
}

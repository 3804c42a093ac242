// RUN: %check_async_tidy %s async-long-running-on-pool %t -- -- -std=c++20

// Calls that compute for long by design, inside coroutines and handlers of
// shared executors; the same calls on threads of their own are left alone.

#include <algorithm>
#include <array>
#include <crypt.h>
#include <future>
#include <string>
#include <thread>
#include <vector>
#include "argon2.h"
#include "boost/asio.hpp"
#include "cppcoro/task.hpp"
#include "zstd.h"

namespace asio = boost::asio;

struct Users {
  std::vector<std::string> names;
  std::array<int, 4> top;

  cppcoro::task<bool> login(std::string password, std::string stored) {
    const char *hash = crypt(password.c_str(), stored.c_str());
    // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: CPU-heavy call 'crypt' (password hashing) inside coroutine 'Users::login' keeps its thread, and every handler queued behind it, for the whole computation; run it on a dedicated thread or a pool kept for CPU-heavy work [async-long-running-on-pool]
    co_return stored == hash;
  }

  cppcoro::task<bool> verify(std::string encoded, std::string password) {
    co_return argon2id_verify(encoded.c_str(), password.data(),
                              password.size()) == 0;
    // CHECK-MESSAGES: :[[@LINE-2]]:15: warning: CPU-heavy call 'argon2id_verify' (password hashing) inside coroutine 'Users::verify'
  }

  // A sort of a whole container that grows with the data.
  cppcoro::task<void> listing() {
    std::sort(names.begin(), names.end());
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: CPU-heavy call 'std::sort' (a sort of a whole container) inside coroutine 'Users::listing'
    co_return;
  }

  // Negatives: a fixed-size array, and the first few elements only.
  cppcoro::task<void> small_sorts() {
    std::sort(top.begin(), top.end());
    std::partial_sort(names.begin(), names.begin() + 3, names.end());
    co_return;
  }
};

// A handler posted to the io_context: the compression stalls the loop.
void archive(asio::io_context &io, std::vector<char> &out,
             const std::string &data) {
  asio::post(io, [&] {
    out.resize(ZSTD_compressBound(data.size()));
    ZSTD_compress(out.data(), out.size(), data.data(), data.size(), 19);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: CPU-heavy call 'ZSTD_compress' (compression of a whole buffer) inside a lambda run by 'boost::asio::post'
  });
}

// Called from a coroutine: reported with the call chain.
std::string hash_password(const std::string &p) {
  return crypt(p.c_str(), "$6$salt");
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: CPU-heavy call 'crypt' (password hashing) inside 'hash_password', called from coroutine 'signup'
}
cppcoro::task<std::string> signup(std::string p) { co_return hash_password(p); }

// Negatives: a thread of its own, std::async with launch::async, and code
// that no async work reaches.
void hash_on_thread(std::string p) {
  std::thread([p] { crypt(p.c_str(), "$6$salt"); }).detach();
}
cppcoro::task<std::string> hash_offloaded(std::string p) {
  auto f = std::async(std::launch::async,
                      [p] { return std::string(crypt(p.c_str(), "$6$x")); });
  co_return f.get();
}
int main_like(int argc, char **argv) {
  return crypt(argv[0], "$6$salt") != nullptr;
}

// Negatives: a user function or method that shares a C function's name.
struct Codec {
  int compress(const char *, int n) { return n; }
};
int uncompress(int n) { return n; }
cppcoro::task<int> encode(Codec &c) { co_return c.compress("x", 1) + uncompress(2); }

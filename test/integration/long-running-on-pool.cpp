// Real headers from Debian: Boost.Asio coroutines and handlers, a cpprestsdk
// continuation, libcrypt, zlib and OpenSSL. Password hashing, key derivation
// and whole-buffer compression on the io_context or the PPL pool, and a
// coroutine that polls a flag without suspending, are reported; the same
// work on a thread of its own, a coroutine loop that awaits a timer each
// round, and a counted loop are not.
// REQUIRES: boost-asio, cpprest
// -DBOOST_ASIO_HAS_*: Boost 1.74 needs them to use coroutines with Clang.
// RUN: %check_async_tidy --no-mocks %s async-long-running-on-pool %t -- -- -std=c++20 \
// RUN:   -DBOOST_ASIO_HAS_CO_AWAIT -DBOOST_ASIO_HAS_STD_COROUTINE

#include <utility> // Boost 1.74 uses std::exchange without it
#include <atomic>
#include <boost/asio.hpp>
#include <chrono>
#include <crypt.h>
#include <openssl/evp.h>
#include <pplx/pplxtasks.h>
#include <string>
#include <thread>
#include <vector>
#include <zlib.h>

namespace asio = boost::asio;
using asio::awaitable;

awaitable<bool> check_password(std::string password, std::string stored) {
  co_return stored == crypt(password.c_str(), stored.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: CPU-heavy call 'crypt' (password hashing) inside coroutine 'check_password' keeps its thread, and every handler queued behind it, for the whole computation; run it on a dedicated thread or a pool kept for CPU-heavy work [async-long-running-on-pool]
}

void derive_key(asio::io_context &io, std::string password,
                std::vector<unsigned char> &key) {
  asio::post(io, [password, &key] {
    key.resize(32);
    PKCS5_PBKDF2_HMAC(password.data(), int(password.size()), nullptr, 0,
                      600000, EVP_sha256(), int(key.size()), key.data());
    // CHECK-MESSAGES: :[[@LINE-2]]:5: warning: CPU-heavy call 'PKCS5_PBKDF2_HMAC' (key derivation) inside a lambda run by 'boost::asio::post'
  });
}

pplx::task<std::vector<unsigned char>> pack(pplx::task<std::string> body) {
  return body.then([](std::string text) {
    std::vector<unsigned char> out(compressBound(text.size()));
    uLongf size = out.size();
    compress2(out.data(), &size, reinterpret_cast<const Bytef *>(text.data()),
              text.size(), 9);
    // CHECK-MESSAGES: :[[@LINE-2]]:5: warning: CPU-heavy call 'compress2' (compression of a whole buffer) inside a lambda attached as a continuation with 'pplx::task::then'
    out.resize(size);
    return out;
  });
}

struct Poller {
  std::atomic<bool> ready{false};
  awaitable<void> wait_ready() {
    while (!ready.load()) {
    }
    // CHECK-MESSAGES: :[[@LINE-2]]:5: warning: loop inside coroutine 'Poller::wait_ready' never suspends and never ends by itself (it spins until another thread changes 'ready')
    co_return;
  }

  // Negatives: the loop awaits a timer each round; a counted loop.
  awaitable<void> wait_ready_politely() {
    asio::steady_timer timer(co_await asio::this_coro::executor);
    while (!ready.load()) {
      timer.expires_after(std::chrono::milliseconds(5));
      co_await timer.async_wait(asio::use_awaitable);
    }
    for (int i = 0; i < 3; ++i)
      ready.store(i == 2);
  }
};

// Negative: hashing on a thread of its own.
void hash_in_background(std::string password, std::string salt) {
  std::thread([password, salt] { crypt(password.c_str(), salt.c_str()); })
      .detach();
}

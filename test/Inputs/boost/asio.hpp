// Mock of the parts of Boost.Asio (1.74+) that async-tidy knows about.
#pragma once
#include <coroutine>
#include <cstddef>
#include <exception>
#include <future>
#include <memory>
#include <streambuf>
#include <type_traits>
#include <utility>

namespace boost {
namespace system {
struct error_code {
  explicit operator bool() const { return false; }
  friend bool operator==(const error_code &, int);
};
} // namespace system
namespace asio {

class any_io_executor {};

class io_context {
public:
  using count_type = std::size_t;
  class executor_type {
  public:
    template <class F> void execute(F &&f) const {}
    io_context &context() const;
  };
  class strand {
  public:
    explicit strand(io_context &);
    template <class H> void post(H &&handler) {}
    template <class H> void dispatch(H &&handler) {}
  };
  io_context();
  explicit io_context(int concurrency_hint);
  executor_type get_executor() noexcept;
  count_type run();
  count_type run_one();
  count_type poll();
  count_type poll_one();
  void stop();
  template <class H> void post(H &&handler) {}
  template <class H> void dispatch(H &&handler) {}
};
using io_service = io_context;

class thread_pool {
public:
  class executor_type {};
  explicit thread_pool(std::size_t threads);
  executor_type get_executor() noexcept;
  void join();
  void wait();
};

template <class Executor, class Handler> void post(Executor &&ex, Handler &&h) {}
template <class Executor, class Handler>
void dispatch(Executor &&ex, Handler &&h) {}
template <class Executor, class Handler> void defer(Executor &&ex, Handler &&h) {}
template <class Executor, class Handler>
Handler bind_executor(const Executor &ex, Handler h) {
  return h;
}

// awaitable<T>: its promise comes from std::coroutine_traits, as in Asio.
template <class T, class Executor = any_io_executor> class awaitable {
public:
  using value_type = T;
  awaitable() noexcept = default;
  awaitable(awaitable &&) noexcept;
  ~awaitable();
  bool await_ready() const noexcept { return false; }
  template <class U> void await_suspend(std::coroutine_handle<U>) {}
  T await_resume();
};

namespace detail {
template <class T, class Executor> struct awaitable_frame_base {
  std::suspend_always initial_suspend() noexcept { return {}; }
  std::suspend_always final_suspend() noexcept { return {}; }
  void unhandled_exception() {}
  awaitable<T, Executor> get_return_object();
};
template <class T, class Executor>
struct awaitable_frame : awaitable_frame_base<T, Executor> {
  void return_value(T);
};
template <class Executor>
struct awaitable_frame<void, Executor> : awaitable_frame_base<void, Executor> {
  void return_void() {}
};
} // namespace detail

namespace error {
enum basic_errors { operation_aborted = 125 };
} // namespace error

struct detached_t {};
inline constexpr detached_t detached;
struct use_awaitable_t {};
inline constexpr use_awaitable_t use_awaitable;
struct use_future_t {};
inline constexpr use_future_t use_future;

template <class Token, class T>
using async_result_t = std::conditional_t<
    std::is_same_v<std::decay_t<Token>, use_awaitable_t>, awaitable<T>,
    std::conditional_t<std::is_same_v<std::decay_t<Token>, use_future_t>,
                       std::future<T>, void>>;

// post(ex, use_awaitable): the coroutine resumes in a handler run by ex.
template <class Executor>
awaitable<void> post(Executor &&ex, use_awaitable_t) {
  return {};
}

template <class Executor, class T, class AwEx, class Token>
async_result_t<Token, T> co_spawn(const Executor &ex, awaitable<T, AwEx> a,
                                  Token &&token) {
  return async_result_t<Token, T>();
}
template <class Executor, class F, class Token>
async_result_t<Token, void> co_spawn(const Executor &ex, F &&f, Token &&token) {
  return async_result_t<Token, void>();
}

struct mutable_buffer {};
template <class T> mutable_buffer buffer(T &);
template <class T> mutable_buffer buffer(T &, std::size_t);

// Sockets, as in Asio: class templates, with tcp::socket an alias.
class socket_base {
public:
  enum wait_type { wait_read, wait_write, wait_error };
};

template <class Protocol, class Executor = any_io_executor>
class basic_socket : public socket_base {
public:
  explicit basic_socket(io_context &);
  // true: operations fail with would_block instead of blocking.
  void non_blocking(bool mode);
  bool non_blocking() const;
  template <class Token>
  async_result_t<Token, void> async_wait(wait_type, Token &&) {
    return async_result_t<Token, void>();
  }
  template <class Endpoint> void connect(const Endpoint &);
  template <class Endpoint, class Token>
  async_result_t<Token, void> async_connect(const Endpoint &, Token &&) {
    return async_result_t<Token, void>();
  }
  void close();
  void cancel();
  void shutdown(int what);
};

template <class Protocol, class Executor = any_io_executor>
class basic_stream_socket : public basic_socket<Protocol, Executor> {
public:
  explicit basic_stream_socket(io_context &ioc)
      : basic_socket<Protocol, Executor>(ioc) {}
  template <class B> std::size_t read_some(const B &);
  template <class B> std::size_t write_some(const B &);
  template <class B> std::size_t receive(const B &);
  template <class B> std::size_t send(const B &);
  template <class B, class Token>
  async_result_t<Token, std::size_t> async_read_some(const B &, Token &&) {
    return async_result_t<Token, std::size_t>();
  }
  template <class B, class Token>
  async_result_t<Token, std::size_t> async_write_some(const B &, Token &&) {
    return async_result_t<Token, std::size_t>();
  }
};

template <class Protocol, class Executor = any_io_executor>
class basic_socket_acceptor {
public:
  basic_socket_acceptor(io_context &, int port);
  basic_stream_socket<Protocol, Executor> accept();
  template <class Token>
  async_result_t<Token, basic_stream_socket<Protocol, Executor>>
  async_accept(Token &&t);
};

namespace ip {
template <class Protocol, class Executor = any_io_executor> class basic_resolver {
public:
  struct results_type {};
  explicit basic_resolver(io_context &);
  results_type resolve(const char *host, const char *service);
  template <class Token>
  async_result_t<Token, results_type> async_resolve(const char *, const char *,
                                                    Token &&) {
    return async_result_t<Token, results_type>();
  }
};

class tcp {
public:
  using socket = basic_stream_socket<tcp>;
  using acceptor = basic_socket_acceptor<tcp>;
  using resolver = basic_resolver<tcp>;
};
} // namespace ip

template <class Clock, class Executor = any_io_executor>
class basic_waitable_timer {
public:
  explicit basic_waitable_timer(io_context &);
  template <class D> void expires_after(D);
  void wait();
  template <class Token> async_result_t<Token, void> async_wait(Token &&) {
    return async_result_t<Token, void>();
  }
  std::size_t cancel();
};
struct steady_clock_tag {};
using steady_timer = basic_waitable_timer<steady_clock_tag>;

template <class Stream, class B> std::size_t read(Stream &, const B &);
template <class Stream, class B> std::size_t write(Stream &, const B &);
template <class Stream, class D>
std::size_t read_until(Stream &, D &, const char *delim);
template <class Socket, class Endpoints>
void connect(Socket &, const Endpoints &);

template <class Allocator = std::allocator<char>>
class basic_streambuf : public std::streambuf {};
using streambuf = basic_streambuf<>;
template <class Stream, class Allocator, class Token>
async_result_t<Token, std::size_t>
async_read_until(Stream &, basic_streambuf<Allocator> &, char delim, Token &&) {
  return async_result_t<Token, std::size_t>();
}
template <class Stream, class B, class Token>
async_result_t<Token, std::size_t> async_read(Stream &, const B &, Token &&) {
  return async_result_t<Token, std::size_t>();
}
template <class Stream, class B, class Token>
async_result_t<Token, std::size_t> async_write(Stream &, const B &, Token &&) {
  return async_result_t<Token, std::size_t>();
}
template <class Socket, class Endpoints, class Token>
async_result_t<Token, void> async_connect(Socket &, const Endpoints &,
                                          Token &&) {
  return async_result_t<Token, void>();
}

// Per-operation cancellation (cancellation_signal.hpp,
// cancellation_state.hpp).
enum class cancellation_type : unsigned { none = 0, terminal = 1 };
class cancellation_slot {
public:
  template <class Handler, class... Args> Handler &emplace(Args &&...);
  template <class Handler> void assign(Handler &&);
  void clear();
  bool is_connected() const noexcept;
  bool has_handler() const noexcept;
};
class cancellation_signal {
public:
  void emit(cancellation_type);
  cancellation_slot slot() noexcept;
};
class cancellation_state {
public:
  cancellation_state() = default;
  explicit cancellation_state(cancellation_slot);
  cancellation_slot slot() const noexcept;
  cancellation_type cancelled() const noexcept;
  void clear(cancellation_type = cancellation_type::terminal);
};
template <class Slot, class Token> Token bind_cancellation_slot(Slot, Token t) {
  return t;
}

// Stackful coroutines, as Boost 1.74 declares them: no completion token;
// the optional handler's signature is void() and sees no error.
namespace coroutines {
struct attributes {};
} // namespace coroutines
template <class Handler> class basic_yield_context {
public:
  basic_yield_context operator[](system::error_code &) const;
};
struct yield_handler {};
using yield_context = basic_yield_context<yield_handler>;
template <class Function>
void spawn(Function &&function,
           const coroutines::attributes & = coroutines::attributes()) {}
template <class Handler, class Function>
void spawn(Handler &&handler, Function &&function,
           const coroutines::attributes & = coroutines::attributes(),
           std::enable_if_t<!std::is_convertible_v<Handler &, io_context &> &&
                            !std::is_same_v<std::decay_t<Handler>,
                                            any_io_executor>> * = nullptr) {}
template <class Function>
void spawn(const any_io_executor &ex, Function &&function,
           const coroutines::attributes & = coroutines::attributes()) {}
template <class Function>
void spawn(io_context &ctx, Function &&function,
           const coroutines::attributes & = coroutines::attributes()) {}

namespace this_coro {
struct executor_t {};
inline constexpr executor_t executor;
// In Asio the awaitable's promise transforms 'co_await cancellation_state';
// the mock's promise has no await_transform, so the tag awaits itself.
struct cancellation_state_t {
  bool await_ready() const noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  asio::cancellation_state await_resume() const noexcept { return {}; }
};
inline constexpr cancellation_state_t cancellation_state;
} // namespace this_coro

} // namespace asio
} // namespace boost

template <class T, class Executor, class... Args>
struct std::coroutine_traits<boost::asio::awaitable<T, Executor>, Args...> {
  using promise_type = boost::asio::detail::awaitable_frame<T, Executor>;
};

#!/usr/bin/env python3
"""Generated benchmark corpora on the real Debian headers.

    corpus.py single DIR --units 25,50,100,200
    corpus.py project DIR --tus 100 [--threads-every 25] [--asio-every 50]
                          [--counts 25,50,100]

`single` writes one TU per size, each including Boost.Asio, cpprestsdk and
the std async headers, with UNITS groups of user code (an Asio coroutine, an
Asio completion handler, a pplx continuation chain, a std::async job); one
group in five carries a planted async mistake so the checks have findings to
report. `project` writes TUS small files of coroutines on a project-local
task type (only <coroutine>, <exception> and <utility>, so that the
project's many runs fit the benchmark's time; one file in THREADS_EVERY adds
<future>, <mutex> and <thread>, one in ASIO_EVERY adds Boost.Asio; one in
ten drops a task) and,
for every count in --counts, DIR/db-COUNT with a compile_commands.json of
the first COUNT files. Both write DIR/compile_commands.json for every file
they generate.
"""
import argparse
import json
import os

ASIO_FLAGS = ["-DBOOST_ASIO_HAS_CO_AWAIT", "-DBOOST_ASIO_HAS_STD_COROUTINE"]

# What a single TU includes and declares, per library it uses (--libs).
STD_PREAMBLE = """\
#include <coroutine>
#include <future>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

struct Store {
  std::mutex mutex;
  std::vector<std::string> lines;
  std::future<std::string> lookup(const std::string &key);
  void put(std::string line) {
    std::lock_guard<std::mutex> lock(mutex);
    lines.push_back(std::move(line));
  }
};
"""

ASIO_PREAMBLE = """\
// Boost 1.74 needs <utility> before Asio when compiled by clang.
#include <utility>
#include <boost/asio.hpp>
namespace asio = boost::asio;
using asio::awaitable;
using asio::use_awaitable;
using asio::ip::tcp;
"""

CPPREST_PREAMBLE = """\
#include <cpprest/http_client.h>
using web::http::client::http_client;
"""

# One group of user code; {i} numbers it. Each template is realistic and
# clean; PLANTED replaces one of them in every fifth group.
ASIO_COROUTINE = """
awaitable<void> echo_{i}(tcp::socket socket, Store &store) {{
  char data[256];
  for (;;) {{
    std::size_t n =
        co_await socket.async_read_some(asio::buffer(data), use_awaitable);
    store.put(std::to_string({i}) + std::string(data, n));
    co_await asio::async_write(socket, asio::buffer(data, n), use_awaitable);
  }}
}}
"""

ASIO_HANDLER = """
void accept_{i}(tcp::acceptor &acceptor, Store &store) {{
  acceptor.async_accept(
      [&acceptor, &store](boost::system::error_code ec, tcp::socket socket) {{
        if (ec)
          return;
        asio::co_spawn(acceptor.get_executor(),
                       echo_{i}(std::move(socket), store), asio::detached);
        accept_{i}(acceptor, store);
      }});
}}
"""

PPLX_CHAIN = """
pplx::task<std::size_t> fetch_{i}(http_client &client) {{
  return client.request(web::http::methods::GET, U("/item/{i}"))
      .then([](web::http::http_response response) {{
        return response.extract_string();
      }})
      .then([](utility::string_t body) {{ return body.size(); }});
}}
"""

STD_JOB = """
std::future<long> sum_{i}(std::vector<int> values) {{
  return std::async(std::launch::async, [values = std::move(values)] {{
    long sum = 0;
    for (int v : values)
      sum += v * {i};
    return sum;
  }});
}}
"""

STD_WORKER = """
void record_{i}(Store &store, std::vector<std::string> names) {{
  std::thread worker([&store, names = std::move(names)] {{
    for (const std::string &name : names)
      store.put(name + "-{i}");
  }});
  worker.join();
}}
"""

# (library, template replaced, planted variant); a planted group takes the
# next variant whose library the TU uses.
PLANTED = [
    ("std", "std_job", """
std::future<long> sum_{i}(std::vector<int> values) {{
  // Planted: the dropped future's destructor blocks until the job is done.
  std::async(std::launch::async, [values] {{ return values.size(); }});
  return std::async(std::launch::deferred, [] {{ return 0L; }});
}}
"""),
    ("asio", "asio_coroutine", """
awaitable<void> echo_{i}(tcp::socket socket, Store &store) {{
  char data[256];
  // Planted: a blocking wait inside a coroutine.
  std::string prefix = store.lookup("prefix-{i}").get();
  for (;;) {{
    std::size_t n =
        co_await socket.async_read_some(asio::buffer(data), use_awaitable);
    store.put(prefix + std::string(data, n));
    co_await asio::async_write(socket, asio::buffer(data, n), use_awaitable);
  }}
}}
"""),
    ("asio", "asio_coroutine", """
awaitable<void> echo_{i}(tcp::socket socket, Store &store) {{
  char data[256];
  for (;;) {{
    std::size_t n =
        co_await socket.async_read_some(asio::buffer(data), use_awaitable);
    // Planted: the lock is held across the suspension.
    std::lock_guard<std::mutex> lock(store.mutex);
    store.lines.emplace_back(data, n);
    co_await asio::async_write(socket, asio::buffer(data, n), use_awaitable);
  }}
}}
"""),
    ("cpprest", "pplx_chain", """
pplx::task<std::size_t> fetch_{i}(http_client &client) {{
  return client.request(web::http::methods::GET, U("/item/{i}"))
      .then([](web::http::http_response response) {{
        // Planted: a blocking wait inside a continuation.
        return response.extract_string().get().size();
      }});
}}
"""),
    ("asio", "asio_handler", """
void accept_{i}(tcp::acceptor &acceptor, Store &store) {{
  std::string greeting = "hello {i}";
  // Planted: the posted lambda outlives 'greeting'.
  asio::post(acceptor.get_executor(),
             [&greeting, &store] {{ store.put(greeting); }});
  acceptor.async_accept(
      [&acceptor, &store](boost::system::error_code ec, tcp::socket socket) {{
        if (ec)
          return;
        asio::co_spawn(acceptor.get_executor(),
                       echo_{i}(std::move(socket), store), asio::detached);
      }});
}}
"""),
    ("asio", "asio_coroutine", """
awaitable<void> echo_{i}(tcp::socket socket, Store &store) {{
  char data[256];
  for (;;) {{
    std::size_t n =
        co_await socket.async_read_some(asio::buffer(data), use_awaitable);
    store.put(std::string(data, n));
    // Planted: rate limiting by sleeping stalls the thread.
    std::this_thread::sleep_for(std::chrono::milliseconds({i} % 7 + 1));
    co_await asio::async_write(socket, asio::buffer(data, n), use_awaitable);
  }}
}}
"""),
]

TEMPLATES = [("asio", "asio_coroutine", ASIO_COROUTINE),
             ("asio", "asio_handler", ASIO_HANDLER),
             ("cpprest", "pplx_chain", PPLX_CHAIN),
             ("std", "std_job", STD_JOB), ("std", "std_worker", STD_WORKER)]
PREAMBLES = [("asio", ASIO_PREAMBLE), ("cpprest", CPPREST_PREAMBLE),
             ("std", STD_PREAMBLE)]
LIBRARIES = [lib for lib, _ in PREAMBLES]


def split_preamble(text):
    """A library's preamble as its leading #include block and the
    declarations after it."""
    head, rest = [], []
    for line in text.splitlines(keepends=True):
        directive = line.startswith("#") or line.startswith("//")
        (head if directive and not rest else rest).append(line)
    return "".join(head), "".join(rest)


def single_tu(units, libs):
    parts = ["// Generated by bench/corpus.py: %d groups of async user code.\n"
             % units]
    # Every #include first, then the libraries' declarations, as real files
    # are laid out: the editor's preamble (the leading directives, as in
    # clangd) then covers every library header.
    split = [split_preamble(text) for lib, text in PREAMBLES if lib in libs]
    parts += [head for head, _ in split] + [rest for _, rest in split]
    variants = [p for p in PLANTED if p[0] in libs]
    for i in range(units):
        planted = {}
        if i % 5 == 0:
            _, name, text = variants[(i // 5) % len(variants)]
            planted[name] = text
        for lib, name, text in TEMPLATES:
            if lib in libs:
                parts.append(planted.get(name, text).format(i=i))
    return "".join(parts)


PROJECT_HEADER = """\
// Generated by bench/corpus.py: what every project file shares, a small
// lazy coroutine task like the ones projects write for themselves.
#pragma once
#include <coroutine>
#include <exception>
#include <utility>

namespace project {
template <typename T> class Task {
public:
  struct promise_type {
    T value{};
    std::coroutine_handle<> continuation;
    Task get_return_object() {
      return Task(std::coroutine_handle<promise_type>::from_promise(*this));
    }
    std::suspend_always initial_suspend() noexcept { return {}; }
    struct Final {
      bool await_ready() noexcept { return false; }
      std::coroutine_handle<>
      await_suspend(std::coroutine_handle<promise_type> self) noexcept {
        auto next = self.promise().continuation;
        return next ? next : std::noop_coroutine();
      }
      void await_resume() noexcept {}
    };
    Final final_suspend() noexcept { return {}; }
    void return_value(T result) { value = std::move(result); }
    void unhandled_exception() { std::terminate(); }
  };
  explicit Task(std::coroutine_handle<promise_type> h) : handle(h) {}
  Task(Task &&other) noexcept : handle(std::exchange(other.handle, {})) {}
  ~Task() {
    if (handle)
      handle.destroy();
  }
  bool await_ready() const noexcept { return false; }
  std::coroutine_handle<> await_suspend(std::coroutine_handle<> caller) {
    handle.promise().continuation = caller;
    return handle;
  }
  T await_resume() { return std::move(handle.promise().value); }

private:
  std::coroutine_handle<promise_type> handle;
};

struct Record {
  const char *name;
  int values[4];
};
Task<Record> load(const char *name);
Task<bool> store(Record record);
} // namespace project
"""

PROJECT_CORO = """
project::Task<long> total_{j}_{k}(const char *const *names, int count) {{
  long sum = 0;
  for (int i = 0; i < count; ++i) {{
    project::Record record = co_await project::load(names[i]);
    for (int v : record.values)
      sum += v * {k};{digest}
    co_await project::store(record);
  }}
  co_return sum;
}}
"""

# A plain helper each file defines and the next file's coroutines call:
# the calls the summaries follow across files. Every tenth one blocks.
PROJECT_HELPER = """
long project::digest_{j}(const project::Record &record) {{
  long d = 0;
  for (int v : record.values)
    d = d * 31 + v;{block}
  return d;
}}
"""

PROJECT_HELPER_BLOCK = """
  std::this_thread::sleep_for(std::chrono::milliseconds(d % 3));"""

# Every tenth file's planted mistake: a lazy task that is never awaited
# never runs.
PROJECT_PLANTED = """
project::Task<bool> refresh_{j}(project::Record record) {{
  project::store(record);
  co_return co_await project::store(record);
}}
"""

PROJECT_THREADS = """
#include <future>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

static std::mutex registry_mutex;
static std::vector<std::string> registry;

std::future<long> count_{j}(std::vector<int> values) {{
  return std::async(std::launch::async, [values = std::move(values)] {{
    std::lock_guard<std::mutex> lock(registry_mutex);
    registry.push_back("count-{j}");
    return static_cast<long>(values.size());
  }});
}}
"""

PROJECT_ASIO = """
// project.hpp included <utility>, which Boost 1.74 needs before Asio.
#include <boost/asio.hpp>

boost::asio::awaitable<void> serve_{j}(boost::asio::ip::tcp::socket socket) {{
  char data[128];
  for (;;) {{
    std::size_t n = co_await socket.async_read_some(
        boost::asio::buffer(data), boost::asio::use_awaitable);
    co_await boost::asio::async_write(
        socket, boost::asio::buffer(data, n), boost::asio::use_awaitable);
  }}
}}
"""


def project_tu(j, threads, asio):
    parts = ['// Generated by bench/corpus.py.\n#include "project.hpp"\n']
    blocks = j % 10 == 5
    if blocks:
        parts.append("#include <chrono>\n#include <thread>\n")
    if threads:
        parts.append(PROJECT_THREADS.format(j=j))
    if asio:
        parts.append(PROJECT_ASIO.format(j=j))
    parts.append(PROJECT_HELPER.format(
        j=j, block=PROJECT_HELPER_BLOCK if blocks else ""))
    digest = "\n    sum += project::digest_%d(record);" % (j - 1) if j else ""
    for k in range(4):
        parts.append(PROJECT_CORO.format(j=j, k=k, digest=digest))
    if j % 10 == 0:
        parts.append(PROJECT_PLANTED.format(j=j))
    return "".join(parts)


def entry(directory, path, flags):
    return {"directory": directory, "file": path,
            "arguments": ["clang++", "-std=c++20"] + flags + ["-c", path]}


def write(path, text):
    with open(path, "w") as f:
        f.write(text)


# The corpus lives under the repository, whose own .clang-tidy enables
# stock checks and options; this one stops the search for a configuration.
CONFIG = "Checks: '-*,async-*'\n"


def write_database(directory, entries):
    os.makedirs(directory, exist_ok=True)
    write(os.path.join(directory, "compile_commands.json"),
          json.dumps(entries, indent=1) + "\n")


def generate_single(out, units_list, libs):
    os.makedirs(out, exist_ok=True)
    write(os.path.join(out, ".clang-tidy"), CONFIG)
    entries = []
    for units in units_list:
        path = os.path.join(out, "tu-%d.cpp" % units)
        write(path, single_tu(units, libs))
        entries.append(entry(out, path, ASIO_FLAGS))
    write_database(out, entries)


def generate_project(out, tus, threads_every, asio_every, counts):
    src = os.path.join(out, "src")
    os.makedirs(src, exist_ok=True)
    write(os.path.join(out, ".clang-tidy"), CONFIG)
    helpers = "".join("long digest_%d(const Record &record);\n" % j
                      for j in range(tus))
    write(os.path.join(src, "project.hpp"),
          PROJECT_HEADER.replace("} // namespace project",
                                 helpers + "} // namespace project"))
    entries = []
    for j in range(tus):
        path = os.path.join(src, "file%03d.cpp" % j)
        threads = j % threads_every == threads_every - 1
        asio = j % asio_every == asio_every // 2
        write(path, project_tu(j, threads, asio))
        entries.append(entry(out, path, ASIO_FLAGS if asio else []))
    write_database(out, entries)
    for count in counts:
        write_database(os.path.join(out, "db-%d" % count), entries[:count])


def int_list(text):
    return [int(x) for x in text.split(",") if x]


def main():
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="kind", required=True)
    single = sub.add_parser("single")
    single.add_argument("dir")
    single.add_argument("--units", type=int_list, default=[25, 50, 100, 200])
    single.add_argument("--libs", type=lambda t: t.split(","),
                        default=LIBRARIES)
    project = sub.add_parser("project")
    project.add_argument("dir")
    project.add_argument("--tus", type=int, default=100)
    project.add_argument("--threads-every", type=int, default=25)
    project.add_argument("--asio-every", type=int, default=50)
    project.add_argument("--counts", type=int_list, default=[])
    args = parser.parse_args()
    if args.kind == "single" and ("std" not in args.libs or
                                  set(args.libs) - set(LIBRARIES)):
        parser.error("--libs takes std and any of asio,cpprest")
    out = os.path.abspath(args.dir)
    if args.kind == "single":
        generate_single(out, args.units, args.libs)
    else:
        generate_project(out, args.tus, args.threads_every, args.asio_every,
                         args.counts)


if __name__ == "__main__":
    main()

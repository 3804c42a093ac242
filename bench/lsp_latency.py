#!/usr/bin/env python3
"""Editor latency of `async-tidy lsp`: the time from didOpen to the first
publishDiagnostics for a file, against `clang++ -fsyntax-only` of it with the
compile database's flags. The two take turns; printed are the medians and
the median of the per-run ratios.

    lsp_latency.py BUILD_DIR LLVM_VERSION [FILE] [--runs N] [--checks GLOBS]

BUILD_DIR/examples must hold the examples' compile database (`make bench`
and `make demo` export it); FILE defaults to its largest source.
"""
import argparse
import json
import os
import shlex
import statistics
import subprocess
import time


def frame(message):
    body = json.dumps(dict(message, jsonrpc="2.0")).encode()
    return b"Content-Length: %d\r\n\r\n%s" % (len(body), body)


def read_message(stream):
    length = None
    while True:
        line = stream.readline().strip()
        if not line:
            if length is None:
                raise RuntimeError("the server closed its output")
            return json.loads(stream.read(length))
        name, _, value = line.partition(b":")
        if name.lower() == b"content-length":
            length = int(value)


def lsp_seconds(async_tidy, database_dir, path, checks):
    command = [async_tidy, "lsp", "--compile-commands-dir=" + database_dir]
    if checks:
        command.append("--checks=" + checks)
    server = subprocess.Popen(command, stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE)
    server.stdin.write(frame({"id": 1, "method": "initialize",
                              "params": {"capabilities": {}}}))
    server.stdin.flush()
    read_message(server.stdout)
    with open(path) as source:
        text = source.read()
    start = time.monotonic()
    server.stdin.write(frame({"method": "textDocument/didOpen", "params": {
        "textDocument": {"uri": "file://" + path, "languageId": "cpp",
                         "version": 1, "text": text}}}))
    server.stdin.flush()
    while True:
        message = read_message(server.stdout)
        if message.get("method") == "textDocument/publishDiagnostics":
            elapsed = time.monotonic() - start
            count = len(message["params"]["diagnostics"])
            break
    server.stdin.write(frame({"id": 2, "method": "shutdown"}))
    server.stdin.write(frame({"method": "exit"}))
    server.stdin.close()
    server.wait()
    return elapsed, count


def syntax_only_seconds(entry, llvm_version):
    command = entry.get("arguments") or shlex.split(entry["command"])
    command = ["clang++-%s" % llvm_version] + [
        a for a in command[1:] if a not in ("-c", entry["file"])]
    skip_output = [i for i, a in enumerate(command) if a == "-o"]
    for i in reversed(skip_output):
        del command[i:i + 2]
    start = time.monotonic()
    subprocess.run(command + ["-fsyntax-only", entry["file"]],
                   cwd=entry["directory"], check=True)
    return time.monotonic() - start


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("build_dir")
    parser.add_argument("llvm_version")
    parser.add_argument("file", nargs="?")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--checks", help="the server's --checks (default: "
                        "the file's .clang-tidy)")
    args = parser.parse_args()
    build_dir = os.path.abspath(args.build_dir)
    database_dir = os.path.join(build_dir, "examples")
    with open(os.path.join(database_dir, "compile_commands.json")) as f:
        entries = json.load(f)
    for entry in entries:
        entry["file"] = os.path.join(entry["directory"], entry["file"])
    if args.file:
        path = os.path.abspath(args.file)
    else:
        path = max((e["file"] for e in entries), key=os.path.getsize)
    entry = next(e for e in entries if e["file"] == path)
    async_tidy = os.path.join(build_dir, "bin", "async-tidy")

    lsp, compile_only = [], []
    for _ in range(args.runs):
        seconds, count = lsp_seconds(async_tidy, database_dir, path,
                                     args.checks)
        lsp.append(seconds)
        compile_only.append(syntax_only_seconds(entry, args.llvm_version))
    lsp_median = statistics.median(lsp)
    compile_median = statistics.median(compile_only)
    print("%s: %d diagnostics" % (os.path.relpath(path), count))
    print("didOpen -> publishDiagnostics: median %.2f s (runs: %s)"
          % (lsp_median, ", ".join("%.2f" % s for s in lsp)))
    print("clang++-%s -fsyntax-only:      median %.2f s (runs: %s)"
          % (args.llvm_version, compile_median,
             ", ".join("%.2f" % s for s in compile_only)))
    print("ratio: %.2fx (median of the per-run ratios)" % statistics.median(
        a / b for a, b in zip(lsp, compile_only)))


if __name__ == "__main__":
    main()

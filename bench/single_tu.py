#!/usr/bin/env python3
"""Single-translation-unit cost of async-tidy against the compiler's own
front end and stock clang-tidy, on the same files in one run.

    single_tu.py BUILD_DIR LLVM_VERSION [--repeat N] [FILE...]

Files default to every entry of BUILD_DIR/examples/compile_commands.json
(`make demo` exports it). For each file and tool it prints the median wall
time and peak memory of N runs and the ratios to `clang++ -fsyntax-only`.
Figures are ratios measured in one run: compare them, not the seconds,
across machines.
"""
import argparse
import json
import os
import shlex
import statistics
import subprocess
import sys
import time

STOCK_COROUTINE_CHECKS = ",".join([
    "misc-coroutine-hostile-raii",
    "cppcoreguidelines-no-suspend-with-lock",
    "cppcoreguidelines-avoid-capturing-lambda-coroutines",
    "cppcoreguidelines-avoid-reference-coroutine-parameters",
    "bugprone-unused-return-value",
])


def measure(command, cwd):
    """Wall seconds and peak RSS (MiB) of one run."""
    start = time.perf_counter()
    proc = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        sys.exit("bench: %s exited with %d" % (" ".join(command), code))
    return wall, usage.ru_maxrss / 1024.0


def compile_args(entry):
    if "arguments" in entry:
        args = list(entry["arguments"])
    else:
        args = shlex.split(entry["command"])
    # Drop the compiler, the output and the input: keep the flags.
    flags, skip = [], False
    for arg in args[1:]:
        if skip:
            skip = False
            continue
        if arg in ("-o", "-c"):
            skip = arg == "-o"
            continue
        if os.path.basename(arg) == os.path.basename(entry["file"]):
            continue
        flags.append(arg)
    return flags


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("build_dir")
    parser.add_argument("llvm_version")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("files", nargs="*")
    args = parser.parse_args()
    build = os.path.abspath(args.build_dir)
    db_path = os.path.join(build, "examples", "compile_commands.json")
    with open(db_path) as f:
        database = json.load(f)
    entries = [e for e in database
               if not args.files or any(e["file"].endswith(x) for x in args.files)]
    bin_dir = "/usr/lib/llvm-%s/bin" % args.llvm_version
    async_tidy = os.path.join(build, "bin", "async-tidy")

    rows = []
    for entry in entries:
        path = os.path.join(entry["directory"], entry["file"])
        flags = compile_args(entry)
        tools = {
            "clang++ -fsyntax-only": [os.path.join(bin_dir, "clang++"),
                                      "-fsyntax-only"] + flags + [path],
            "async-tidy (async-*)": [async_tidy, "--quiet", "--checks=-*,async-*",
                                     path, "--"] + flags,
            "clang-tidy coroutine checks": [
                os.path.join(bin_dir, "clang-tidy"), "--quiet",
                "--checks=-*," + STOCK_COROUTINE_CHECKS, path, "--"] + flags,
        }
        results = {}
        for _ in range(args.repeat):  # interleave tools so drift hits all alike
            for name, command in tools.items():
                results.setdefault(name, []).append(measure(command, entry["directory"]))
        base_wall = statistics.median(w for w, _ in results["clang++ -fsyntax-only"])
        base_mem = statistics.median(m for _, m in results["clang++ -fsyntax-only"])
        for name, runs in results.items():
            wall = statistics.median(w for w, _ in runs)
            mem = statistics.median(m for _, m in runs)
            rows.append((os.path.relpath(path), name, wall, wall / base_wall,
                         mem, mem / base_mem))

    header = "%-28s %-28s %8s %7s %9s %7s" % ("file", "tool", "wall s", "x", "peak MiB", "x")
    print(header)
    print("-" * len(header))
    for row in rows:
        print("%-28s %-28s %8.3f %7.2f %9.1f %7.2f" % row)


if __name__ == "__main__":
    main()

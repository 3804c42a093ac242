#!/usr/bin/env python3
"""Kills async-tidy --fix at many moments and checks that every file is then
either untouched or completely fixed: never half written, never empty.

    kill_during_fix.py ASYNC_TIDY INPUTS_DIR WORK_DIR [--files N]

A first, uninterrupted run gives each file's fixed text and the run's length
T. Then, for each signal (SIGTERM, which async-tidy's handlers see, and
SIGKILL, which nothing sees), runs are killed while the files are analyzed
(at fractions of T) and while the fixes are written: as soon as the first
file is replaced (its inode changes), the signal goes out. The files are
padded so that writing them takes a while.
"""
import argparse
import os
import shutil
import signal
import subprocess
import sys
import time

SOURCE = """#include "cppcoro/task.hpp"

cppcoro::task<void> flush();
cppcoro::task<int> compute();

cppcoro::task<void> handler_{n}() {{
  flush();
  compute();
  if (true)
    flush();
  co_return;
}}
"""
PADDING = "// padding, so that writing the file takes a while\n" * 4000

FRACTIONS = [0.3, 0.7]
WHILE_WRITING = 3


def fresh(work, count):
    if os.path.exists(work):
        shutil.rmtree(work)
    os.makedirs(work)
    paths = []
    for n in range(count):
        path = os.path.join(work, "f%03d.cpp" % n)
        with open(path, "w") as f:
            f.write(SOURCE.format(n=n) + PADDING)
        paths.append(path)
    return paths


def command(tool, inputs, paths):
    return [tool, "--quiet", "-j2", "--fix"] + paths + [
        "--", "-std=c++20", "-I" + inputs]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("tool")
    parser.add_argument("inputs")
    parser.add_argument("work")
    parser.add_argument("--files", type=int, default=30)
    args = parser.parse_args()

    paths = fresh(args.work, args.files)
    original = {p: open(p).read() for p in paths}
    start = time.monotonic()
    done = subprocess.run(command(args.tool, args.inputs, paths),
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    length = time.monotonic() - start
    if done.returncode != 1:
        sys.exit("the uninterrupted run exited %d: %s" %
                 (done.returncode, done.stderr.decode()))
    fixed = {p: open(p).read() for p in paths}
    if any(fixed[p] == original[p] or "co_await flush();" not in fixed[p]
           for p in paths):
        sys.exit("the uninterrupted run did not fix every file")

    runs = mixed = 0
    moments = FRACTIONS + [None] * WHILE_WRITING
    for sig in (signal.SIGTERM, signal.SIGKILL):
        for fraction in moments:
            paths = fresh(args.work, args.files)
            inodes = [os.stat(p).st_ino for p in paths]
            proc = subprocess.Popen(command(args.tool, args.inputs, paths),
                                    stdout=subprocess.DEVNULL,
                                    stderr=subprocess.DEVNULL,
                                    start_new_session=True)
            if fraction is not None:
                time.sleep(length * fraction)
            else:
                while proc.poll() is None and all(
                        os.stat(p).st_ino == i for p, i in zip(paths, inodes)):
                    pass
            try:
                os.killpg(proc.pid, sig)
            except ProcessLookupError:
                pass
            proc.wait()
            runs += 1
            new = 0
            for p in paths:
                text = open(p).read()
                if text == fixed[p]:
                    new += 1
                elif text != original[p]:
                    sys.exit("%s after %s: neither old nor new:\n%s"
                             % (p, sig.name, text[:2000]))
            if 0 < new < len(paths):
                mixed += 1
            leftovers = [f for f in os.listdir(args.work) if f.endswith(".tmp")]
            if sig == signal.SIGTERM and leftovers:
                sys.exit("temporary files left after SIGTERM: %s" % leftovers)
    print("%d killed runs, every file old or new; %d stopped while writing"
          % (runs, mixed))


if __name__ == "__main__":
    main()

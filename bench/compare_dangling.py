#!/usr/bin/env python3
"""Findings of async-detached-dangling-reference against the stock
declaration-level checks (cppcoreguidelines-avoid-reference-coroutine-parameters
and -avoid-capturing-lambda-coroutines) on the same files.

    compare_dangling.py BUILD_DIR LLVM_VERSION

Every planted bug in the inputs carries a CHECK-MESSAGES line for our check;
our findings are split into those on a planted bug's line and the others.
The stock checks report declarations (a coroutine's reference parameter, a
capturing coroutine lambda), not the call that detaches the work, so their
warnings are only counted; which of them point at a planted bug is for a
reader to judge from the listing printed after the table.
"""
import os
import re
import subprocess
import sys

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
INPUTS = [
    ("test/checks/async-detached-dangling-reference/coroutines.cpp", ["-I" + os.path.join(TOP, "test/Inputs")]),
    ("test/checks/async-detached-dangling-reference/lambdas.cpp", ["-I" + os.path.join(TOP, "test/Inputs")]),
    ("test/integration/asio-detached.cpp", ["-DBOOST_ASIO_HAS_CO_AWAIT", "-DBOOST_ASIO_HAS_STD_COROUTINE"]),
]
STOCK = "cppcoreguidelines-avoid-reference-coroutine-parameters,cppcoreguidelines-avoid-capturing-lambda-coroutines"


def findings(command, path):
    out = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                         text=True).stdout
    name = re.escape(os.path.basename(path))
    return {int(m.group(1)) for m in re.finditer(name + r":(\d+):\d+: warning:", out)}


def planted(path):
    """Lines with a bug, from the warning CHECK-MESSAGES lines."""
    lines = set()
    with open(path) as f:
        for number, text in enumerate(f, 1):
            m = re.search(r"CHECK-MESSAGES: :\[\[@LINE([+-]\d+)\]\]:\d+: warning", text)
            if m:
                lines.add(number + int(m.group(1)))
    return lines


def main():
    build, version = sys.argv[1], sys.argv[2]
    tidy = "/usr/lib/llvm-%s/bin/clang-tidy" % version
    ours_bin = os.path.join(build, "bin", "async-tidy")
    totals = {"ours": [0, 0], "stock": 0}
    bugs_total = 0
    listing = []
    print("%-58s %5s %9s %11s %14s" % ("file", "bugs", "ours: bug", "ours: other", "stock warnings"))
    for rel, flags in INPUTS:
        path = os.path.join(TOP, rel)
        args = ["--", "-std=c++20"] + flags
        bugs = planted(path)
        ours = findings([ours_bin, "--quiet", "--checks=-*,async-detached-dangling-reference", path] + args, path)
        stock = findings([tidy, "--quiet", "--checks=-*," + STOCK, path] + args, path)
        hit, other = len(ours & bugs), len(ours - bugs)
        totals["ours"][0] += hit
        totals["ours"][1] += other
        totals["stock"] += len(stock)
        bugs_total += len(bugs)
        listing += ["  stock: %s:%d" % (rel, line) for line in sorted(stock)]
        print("%-58s %5d %9d %11d %14d" % (rel, len(bugs), hit, other, len(stock)))
    print("%-58s %5d %9d %11d %14d" % ("total", bugs_total, totals["ours"][0],
                                       totals["ours"][1], totals["stock"]))
    print("\n".join(listing))


if __name__ == "__main__":
    main()

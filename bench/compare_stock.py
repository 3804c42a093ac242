#!/usr/bin/env python3
"""Runs the same test files through stock clang-tidy checks and through one
async-tidy check, and writes a comparison table in Markdown.

    compare_stock.py --check NAME --stock CHECK[,CHECK...] --out FILE.md
                     [--async-tidy BIN] [--clang-tidy BIN] [--inputs DIR]
                     [--title TEXT] SOURCE...

The ground truth is each source's own annotations: every
'CHECK-MESSAGES' warning of NAME is a planted bug, at its line; the notes
that follow it (where the parameter is declared, what is captured) name the
declarations involved in it. A stock finding is a true positive when it is
on the line of a planted bug or of one of its notes (the stock checks report
declarations, so this counts in their favour), a false positive otherwise;
a planted bug is found by the stock checks when one of them reports one of
its lines. async-tidy is judged the same way, so a finding the annotations
do not expect is a false positive for it too. Compiler arguments come from
the source's RUN line ('-- -- ARGS'); the default is -std=c++20.
Exit status 2 when a tool cannot be run.
"""
import argparse
import os
import re
import subprocess
import sys

CHECK_RE = re.compile(
    r"//\s*CHECK-MESSAGES(?:-[A-Z0-9]+)?:\s*:(\[\[@LINE([+-]\d+)?\]\]|\d+)"
    r":\d+:\s*(warning|note):.*?(?:\[([a-z0-9-]+)\])?\s*$")
DIAG_RE = re.compile(r"^(.*?):(\d+):(\d+): warning: .*\[([a-z0-9.,-]+)\]$")


def fail(message):
    sys.stderr.write("compare_stock: %s\n" % message)
    sys.exit(2)


def planted_bugs(path, check):
    """[(warning line, {lines of the warning and its notes})]."""
    bugs = []
    with open(path) as f:
        for number, text in enumerate(f, 1):
            m = CHECK_RE.search(text)
            if not m:
                continue
            where, offset, kind, name = m.groups()
            if where.startswith("[["):
                line = number + int(offset or 0)
            else:
                line = int(where)
            if kind == "warning":
                if name in (None, check):
                    bugs.append((line, {line}))
            elif bugs:
                bugs[-1][1].add(line)
    return bugs


def compiler_args(path):
    with open(path) as f:
        text = f.read()
    m = re.search(r"RUN:.*?%t(.*)$", text, re.M)
    words = (m.group(1) if m else "").split()
    # SOURCE CHECK TEMP [-- TIDY-ARGS [-- COMPILER-ARGS]]
    separators = [i for i, word in enumerate(words) if word == "--"]
    if len(separators) >= 2:
        return [w for w in words[separators[1] + 1:] if w != "\\"]
    return ["-std=c++20"]


def tidy_options(path):
    """The --config of the RUN lines, if any (joined continuation lines)."""
    with open(path) as f:
        run = " ".join(re.findall(r"//\s*RUN:(.*?)\\?$", f.read(), re.M))
    m = re.search(r'--config="([^"]*)"', run)
    return ["--config=" + m.group(1).replace("\\", "")] if m else []


def findings(command, path):
    try:
        result = subprocess.run(command, stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT, text=True)
    except OSError as error:
        fail("cannot run %s: %s" % (command[0], error.strerror))
    if result.returncode not in (0, 1):
        fail("%s exited with %d on %s:\n%s" %
             (command[0], result.returncode, path, result.stdout[-2000:]))
    found = []
    for text in result.stdout.splitlines():
        m = DIAG_RE.match(text)
        if m and os.path.samefile(m.group(1), path):
            found.append((int(m.group(2)), m.group(4)))
    return found


def score(found, bugs):
    lines = set().union(*(b[1] for b in bugs)) if bugs else set()
    tp = sum(1 for line, _ in found if line in lines)
    hit = sum(1 for _, related in bugs
              if any(line in related for line, _ in found))
    return tp, len(found) - tp, hit


def compare(check, stock_checks, sources, tools, top):
    """Per source: [path, planted, stock found, stock true, stock false,
    async-tidy found, true, false]; and the totals of the numbers."""
    rows = []
    totals = [0] * 7
    for path in sources:
        bugs = planted_bugs(path, check)
        cc = compiler_args(path) + ["-I" + tools.inputs]
        stock = findings([tools.clang_tidy, "--checks=-*," + stock_checks,
                          path, "--"] + cc, path)
        ours = findings([tools.async_tidy, "--checks=-*," + check,
                         "--quiet"] + tidy_options(path) + [path, "--"] + cc,
                        path)
        s_tp, s_fp, s_hit = score(stock, bugs)
        o_tp, o_fp, o_hit = score(ours, bugs)
        row = [len(bugs), s_hit, s_tp, s_fp, o_hit, o_tp, o_fp]
        totals = [a + b for a, b in zip(totals, row)]
        rows.append([os.path.relpath(path, top)] + row)
    return rows, totals


def ratio(a, b):
    return "%d%%" % round(100.0 * a / b) if b else "n/a"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--check", required=True)
    parser.add_argument("--stock", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--title", default="")
    top = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parser.add_argument("--async-tidy",
                        default=os.path.join(top, "build/bin/async-tidy"))
    parser.add_argument("--clang-tidy", default="clang-tidy-19")
    parser.add_argument("--inputs", default=os.path.join(top, "test/Inputs"))
    parser.add_argument("sources", nargs="+")
    args = parser.parse_args()

    rows, totals = compare(args.check, args.stock, args.sources, args, top)

    with open(args.out + ".tmp", "w") as out:
        out.write("# %s\n\n" % (args.title or args.check))
        out.write("Generated by `bench/compare_stock.py` (do not edit): "
                  "the test files of `%s` run through the stock checks `%s` "
                  "(clang-tidy-19) and through async-tidy. A planted bug is "
                  "a `CHECK-MESSAGES` warning of the test; a stock finding "
                  "counts as true when it is on the line of a planted bug or "
                  "of a declaration its notes name (where the stock checks "
                  "report), false otherwise (the look-alike negatives).\n\n"
                  % (args.check, "`, `".join(args.stock.split(","))))
        out.write("| File | Planted bugs | Stock: found | Stock: true "
                  "findings | Stock: false findings | async-tidy: found | "
                  "async-tidy: true findings | async-tidy: false findings |\n")
        out.write("|---|---:|---:|---:|---:|---:|---:|---:|\n")
        for row in rows + [["**Total**"] + totals]:
            out.write("| " + " | ".join(str(c) for c in row) + " |\n")
        planted, s_hit, s_tp, s_fp, o_hit, o_tp, o_fp = totals
        out.write("\nRecall: stock %s, async-tidy %s. Precision: stock %s, "
                  "async-tidy %s.\n" % (ratio(s_hit, planted),
                                        ratio(o_hit, planted),
                                        ratio(s_tp, s_tp + s_fp),
                                        ratio(o_tp, o_tp + o_fp)))
    os.replace(args.out + ".tmp", args.out)


if __name__ == "__main__":
    main()

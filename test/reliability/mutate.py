#!/usr/bin/env python3
"""Mutation fuzzer: runs a sanitized async-tidy on broken variants of the lit
test sources and fails on any crash.

    mutate.py --async-tidy BIN [--seed S] [--mutants N] [--out DIR]
              [--jobs J] [--batch K] [--timeout SEC] [--only I]
              [--sources GLOB]

Mutant I of seed S is a pure function of (S, I, the test sources): it picks a
source under test/checks/ or test/integration/, one of the configurations its
RUN lines use (or none), and applies one to three mutations (delete,
duplicate or swap tokens or lines, replace an identifier by another from the
file, truncate, insert a stray brace, parenthesis, co_await, co_return...).

Mutants that do not compile are expected (exit 2). A failure is a crash: a
signal, an exit status other than 0, 1 or 2, a sanitizer or LLVM crash report
on stderr, or no exit within the timeout, unless the compiler's own front end
(--compiler) also runs past the timeout on that mutant: then Clang hangs, not
the checks, and the mutant is listed but not counted. Several mutants of one
source run in one process; when such a batch fails, each mutant is rerun
alone to find the culprits. Each failing mutant is saved to DIR with the command that
reproduces it, and printed. Exit status: 0 when nothing crashed.
"""
import argparse
import concurrent.futures
import fnmatch
import os
import random
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
INPUTS = os.path.join(TOP, "test", "Inputs")
SOURCE_DIRS = [("checks", True), ("integration", False)]  # (dir, uses mocks)
# Flags of test/check_async_tidy.py; the integration tests add Boost's.
BASE_FLAGS = ["-std=c++20", "-DBOOST_ASIO_HAS_CO_AWAIT",
              "-DBOOST_ASIO_HAS_STD_COROUTINE"]

TOKEN = re.compile(r"""
    //[^\n]* | /\*.*?\*/                          # comments (never mutated)
  | "(?:\\.|[^"\\\n])*" | '(?:\\.|[^'\\\n])*'     # literals
  | [A-Za-z_]\w* | \d[\w.']*
  | ::|->\*?|\.\.\.|<=>|<<=?|>>=?|&&|\|\||\+\+|--|[-+*/%&|^!=<>]=
  | \S""", re.X | re.S)
STRAYS = ["{", "}", "(", ")", ";", ",", "<", ">", "&", "*", "co_await",
          "co_return", "co_yield", "co_await co_await", "return", "template",
          "[&]", "auto", "::"]
CRASH = re.compile(r"==\d+==ERROR: \w+Sanitizer|: runtime error: |"
                   r"UndefinedBehaviorSanitizer|^Stack dump:|"
                   r"PLEASE submit a bug report|the analysis crashed", re.M)


class Source:
    def __init__(self, path, mocks):
        self.path = path
        self.mocks = mocks
        with open(path, encoding="utf-8") as f:
            self.text = f.read()
        run = re.sub(r"\\\n//\s*RUN:", " ",
                     "\n".join(l for l in self.text.splitlines()
                               if l.startswith("// RUN:")) + "\n")
        self.configs = [None] + sorted(set(re.findall(r'--config="([^"]*)"', run)))


def load_sources(pattern):
    sources = []
    for sub, mocks in SOURCE_DIRS:
        root = os.path.join(TOP, "test", sub)
        for dirpath, _, files in sorted(os.walk(root)):
            for name in sorted(files):
                path = os.path.join(dirpath, name)
                if name.endswith(".cpp") and fnmatch.fnmatch(
                        os.path.relpath(path, TOP), pattern):
                    sources.append(Source(path, mocks))
    return sources


def mutate_once(text, rng):
    tokens = [m.span() for m in TOKEN.finditer(text)
              if not text.startswith(("//", "/*"), m.start())]
    lines = text.splitlines(keepends=True)
    kind = rng.choice(["delete-token", "duplicate-token", "swap-tokens",
                       "replace-identifier", "delete-line", "duplicate-line",
                       "swap-lines", "truncate", "insert-stray"])
    if not tokens or len(lines) < 2:
        return text, "none"
    a, b = tokens[rng.randrange(len(tokens))]
    if kind == "delete-token":
        return text[:a] + text[b:], kind
    if kind == "duplicate-token":
        return text[:b] + " " + text[a:b] + text[b:], kind
    if kind == "swap-tokens":
        i = rng.randrange(len(tokens))
        j = min(i + 1, len(tokens) - 1) if rng.random() < 0.5 \
            else rng.randrange(len(tokens))
        (a, b), (c, d) = sorted([tokens[i], tokens[j]])
        if (a, b) == (c, d):
            return text, kind
        return text[:a] + text[c:d] + text[b:c] + text[a:b] + text[d:], kind
    if kind == "replace-identifier":
        names = sorted({text[s:e] for s, e in tokens
                        if re.match(r"[A-Za-z_]", text[s])})
        if re.match(r"[A-Za-z_]", text[a]):
            return text[:a] + rng.choice(names) + text[b:], kind
        return text, kind
    if kind == "truncate":
        return text[:a], kind
    if kind == "insert-stray":
        return text[:a] + " " + rng.choice(STRAYS) + " " + text[a:], kind
    i = rng.randrange(len(lines))
    if kind == "delete-line":
        del lines[i]
    elif kind == "duplicate-line":
        lines.insert(i, lines[i])
    else:
        j = min(i + 1, len(lines) - 1) if rng.random() < 0.5 \
            else rng.randrange(len(lines))
        lines[i], lines[j] = lines[j], lines[i]
    return "".join(lines), kind


class Mutant:
    def __init__(self, seed, index, sources):
        rng = random.Random("%d:%d" % (seed, index))
        self.index = index
        self.source = rng.choice(sources)
        self.config = rng.choice(self.source.configs)
        text = self.source.text
        self.mutations = []
        for _ in range(rng.choice([1, 1, 1, 2, 2, 3])):
            text, kind = mutate_once(text, rng)
            self.mutations.append(kind)
        self.text = text
        stem = os.path.splitext(os.path.basename(self.source.path))[0]
        self.name = "%s-s%d-m%d.cpp" % (stem, seed, index)


def command(tool, mutants, files):
    first = mutants[0]
    cmd = [tool, "--checks=-*,async-*"]
    if first.config is not None:
        cmd.append("--config=" + first.config)
    cmd += files + ["--"] + BASE_FLAGS
    if first.source.mocks:
        cmd.append("-I" + INPUTS)
    return cmd


def environment():
    env = dict(os.environ)
    # A report must not be mistaken for an exit status: abort after it.
    # Leak reports are off: Debian's clang leaks on some broken code (Sema's
    # template deduction failure info), and the stacks through its libraries,
    # built without frame pointers, are too short to tell those from ours.
    env["ASAN_OPTIONS"] = "abort_on_error=1:halt_on_error=1:detect_leaks=0:" + \
        env.get("ASAN_OPTIONS", "")
    env["UBSAN_OPTIONS"] = "abort_on_error=1:halt_on_error=1:print_stacktrace=1:" + \
        env.get("UBSAN_OPTIONS", "")
    return env


def run(tool, mutants, workdir, timeout, env):
    """Runs the mutants in one process; returns (failure or None, stderr)."""
    files = []
    for m in mutants:
        path = os.path.join(workdir, m.name)
        with open(path, "w", encoding="utf-8", errors="surrogateescape") as f:
            f.write(m.text)
        files.append(path)
    cmd = command(tool, mutants, files)
    try:
        result = subprocess.run(cmd, stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE, env=env,
                                timeout=timeout * len(mutants))
    except subprocess.TimeoutExpired as e:
        return "no exit after %d s" % (timeout * len(mutants)), \
            (e.stderr or b"").decode("utf-8", "replace")
    err = result.stderr.decode("utf-8", "replace")
    if result.returncode < 0:
        return "killed by signal %d" % -result.returncode, err
    if result.returncode not in (0, 1, 2):
        return "exit status %d" % result.returncode, err
    match = CRASH.search(err)
    if match:
        return "crash report on stderr (%s)" % match.group(0).strip(), err
    return None, err


def save(out, mutant, cmd, why, err):
    os.makedirs(out, exist_ok=True)
    path = os.path.join(out, mutant.name)
    with open(path, "w", encoding="utf-8", errors="surrogateescape") as f:
        f.write(mutant.text)
    cmd = [a if a != mutant.name else path for a in cmd]
    line = " ".join(shlex.quote(a) for a in cmd)
    with open(path + ".sh", "w") as f:
        f.write("#!/bin/sh\n# %s; mutations: %s; from %s\n%s\n"
                % (why, ", ".join(mutant.mutations), mutant.source.path, line))
    with open(path + ".log", "w") as f:
        f.write(err)
    tail = "\n".join(err.splitlines()[-30:])
    print("FAILURE: mutant %d (%s, from %s): %s\n  saved: %s\n  command: %s\n%s\n"
          % (mutant.index, ", ".join(mutant.mutations),
             os.path.relpath(mutant.source.path, TOP), why, path, line, tail),
          flush=True)


def default_compiler(tool):
    """clang++ of the LLVM release the tool reports with --version, if it is
    installed."""
    try:
        version = subprocess.run([tool, "--version"], capture_output=True,
                                 text=True, timeout=30).stdout
    except (OSError, subprocess.TimeoutExpired):
        return None
    match = re.search(r"LLVM (\d+)", version)
    return match and shutil.which("clang++-" + match.group(1))


def compiler_hangs(compiler, mutant, workdir, timeout):
    """Whether the compiler's own front end also runs past the timeout on
    the mutant: then Clang, not the checks, is what hangs."""
    if compiler is None:
        return False
    cmd = [compiler, "-fsyntax-only"] + BASE_FLAGS
    if mutant.source.mocks:
        cmd.append("-I" + INPUTS)
    try:
        subprocess.run(cmd + [os.path.join(workdir, mutant.name)],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       timeout=timeout)
    except subprocess.TimeoutExpired:
        return True
    return False


def check_batch(args, batch, env):
    """Returns (failures, mutants that compiled, mutants on which the
    compiler itself hangs)."""
    workdir = tempfile.mkdtemp(prefix="async-tidy-mutants-")
    try:
        why, err = run(args.async_tidy, batch, workdir, args.timeout, env)
        if why is None:
            failed = sum(1 for m in batch if re.search(
                re.escape(m.name) + r"' has compile errors", err))
            return [], len(batch) - failed, []
        if len(batch) > 1:  # find the culprits
            failures, compiler_hung = [], []
            for m in batch:
                found, _, hung = check_batch(args, [m], env)
                failures += found
                compiler_hung += hung
            return failures, 0, compiler_hung
        if why.startswith("no exit") and compiler_hangs(
                args.compiler, batch[0], workdir, args.timeout):
            return [], 0, batch
        cmd = command(args.async_tidy, batch, [batch[0].name])
        return [(batch[0], cmd, why, err)], 0, []
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--async-tidy", required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--mutants", type=int, default=300)
    parser.add_argument("--only", type=int, help="run just this mutant")
    parser.add_argument("--out", default="mutant-failures")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--batch", type=int, default=4)
    parser.add_argument("--timeout", type=int, default=60,
                        help="seconds per mutant")
    parser.add_argument("--sources", default="*",
                        help="mutate only the sources whose path from the "
                        "top of the repository matches this glob")
    parser.add_argument("--compiler",
                        help="clang++ to try a mutant on that runs past the "
                        "timeout: when it hangs too, the mutant is not "
                        "counted as a crash (default: clang++-N of the "
                        "tool's LLVM release)")
    parser.add_argument("--min-compiled", type=float, default=0.1,
                        help="fail if a smaller share of mutants compiles "
                        "(the flags would be wrong and little tested)")
    args = parser.parse_args()
    if not os.access(args.async_tidy, os.X_OK):
        sys.exit("mutate.py: no executable at '%s'" % args.async_tidy)
    args.async_tidy = os.path.abspath(args.async_tidy)
    if args.compiler is None:
        args.compiler = default_compiler(args.async_tidy)

    sources = load_sources(args.sources)
    if not sources:
        sys.exit("mutate.py: no test source matches '%s'" % args.sources)
    indices = [args.only] if args.only is not None else range(args.mutants)
    mutants = [Mutant(args.seed, i, sources) for i in indices]
    groups = {}
    for m in mutants:
        groups.setdefault((m.source.path, m.config), []).append(m)
    batches = [g[i:i + args.batch] for g in groups.values()
               for i in range(0, len(g), args.batch)]
    batches.sort(key=lambda b: b[0].index)

    env = environment()
    failures, compiled, compiler_hung = [], 0, []
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        for found, ok, hung in pool.map(lambda b: check_batch(args, b, env),
                                        batches):
            compiled += ok
            compiler_hung += hung
            for mutant, cmd, why, err in found:
                save(args.out, mutant, cmd, why, err)
                failures.append(mutant)

    for mutant in compiler_hung:
        print("not counted: mutant %d (from %s): %s -fsyntax-only also runs "
              "past %d s on it" % (mutant.index,
                                   os.path.relpath(mutant.source.path, TOP),
                                   args.compiler, args.timeout))
    print("seed %d: %d mutants run, %d compiled, %d crashes%s"
          % (args.seed, len(mutants), compiled, len(failures),
             ", %d where the compiler hangs too" % len(compiler_hung)
             if compiler_hung else ""))
    if failures:
        print("reproduce one with: %s --async-tidy %s --seed %d --only I"
              % (sys.argv[0], args.async_tidy, args.seed))
        return 1
    if args.only is None and compiled < args.min_compiled * len(mutants):
        print("too few mutants compile: check the flags in %s" % sys.argv[0])
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

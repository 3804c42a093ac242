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
on stderr, or a hang: more CPU time than the timeout, or none for as long.
CPU time, not wall time, so that a busy machine does not turn a slow run into
a hang; a mutant that hangs is run again alone after the others, and counts
only if it hangs again and the compiler's own front end (--compiler) does not
also hang on it (then Clang hangs, not the checks: it is listed, not
counted). Likewise a crash counts only if the compiler's front end does not
crash on the mutant too (Clang's parser has its own crashes on broken code,
which no check can prevent). Several mutants of one
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
import signal
import subprocess
import sys
import tempfile
import time

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


class Outcome:
    """How one process ended: its exit status, or why it was stopped."""

    def __init__(self, status, stderr, hang, cpu):
        self.status = status  # None when stopped
        self.stderr = stderr
        self.hang = hang  # why it was stopped, in words
        self.cpu = cpu  # seconds of CPU time, its children's included


# Reading every process's /proc entry costs a few milliseconds.
SAMPLE_EVERY = 0.5
# A process starting on a busy machine can wait a second or more for the
# disk without using the CPU; a shorter stall than this is not a deadlock.
MIN_STALL = 10


def tree_cpu_seconds(root):
    """CPU time used so far by process root and its descendants (the
    workers of -j), children they have waited for included."""
    stats = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % entry) as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue  # it ended meanwhile
        # ppid, then utime, stime, cutime, cstime (proc(5) fields 4, 14-17).
        stats[int(entry)] = (int(fields[1]), sum(map(int, fields[11:15])))
    children = {}
    for pid, (ppid, _) in stats.items():
        children.setdefault(ppid, []).append(pid)
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        if pid in stats:
            total += stats[pid][1]
            todo += children.get(pid, [])
    return total / os.sysconf("SC_CLK_TCK")


def stop_group(pid):
    """Kills the process group the tool leads (it and its workers)."""
    try:
        os.killpg(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def run_limited(cmd, limit, env):
    """Runs cmd until it exits, uses `limit` seconds of CPU time (a loop), or
    uses none for `limit` seconds, and at least MIN_STALL (a deadlock). CPU
    time, not wall time: on a busy machine a run that finishes can take many
    times its CPU time."""
    stall = max(limit, MIN_STALL)
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err,
                                env=env, start_new_session=True)
        start = time.monotonic()
        samples = [(start, 0.0)]  # (wall, cpu), the last `stall` s of them
        hang, next_sample = None, start + SAMPLE_EVERY
        while True:
            # Not reaped yet, so that the group is still ours to stop.
            if os.waitid(os.P_PID, proc.pid,
                         os.WEXITED | os.WNOHANG | os.WNOWAIT):
                stop_group(proc.pid)  # workers it left behind
                _, status, usage = os.wait4(proc.pid, 0)
                proc.returncode = os.waitstatus_to_exitcode(status)
                cpu = usage.ru_utime + usage.ru_stime
                break
            now = time.monotonic()
            if now < next_sample:
                time.sleep(0.02)
                continue
            next_sample = now + SAMPLE_EVERY
            cpu = tree_cpu_seconds(proc.pid)
            samples.append((now, cpu))
            while len(samples) > 1 and samples[1][0] <= now - stall:
                samples.pop(0)
            if cpu > limit:
                hang = "no exit after %d s of CPU time" % limit
            elif samples[0][0] <= now - stall and \
                    cpu - samples[0][1] < 0.01 * stall:
                hang = "no exit and no CPU time used for %d s" % stall
            if hang:
                stop_group(proc.pid)
                proc.wait()
                break
        err.seek(0)
        text = err.read().decode("utf-8", "replace")
    return Outcome(None if hang else proc.returncode, text, hang, cpu)


def run(tool, mutants, workdir, timeout, env):
    """Runs the mutants in one process; returns (failure or None, outcome).
    The time limit is `timeout` seconds of CPU time per mutant."""
    files = []
    for m in mutants:
        path = os.path.join(workdir, m.name)
        with open(path, "w", encoding="utf-8", errors="surrogateescape") as f:
            f.write(m.text)
        files.append(path)
    outcome = run_limited(command(tool, mutants, files),
                          timeout * len(mutants), env)
    if outcome.hang:
        return outcome.hang, outcome
    if outcome.status < 0:
        return "killed by signal %d" % -outcome.status, outcome
    if outcome.status not in (0, 1, 2):
        return "exit status %d" % outcome.status, outcome
    match = CRASH.search(outcome.stderr)
    if match:
        return "crash report on stderr (%s)" % match.group(0).strip(), outcome
    return None, outcome


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


def compiler_fails_too(compiler, mutant, workdir, timeout, env, hang):
    """Whether the compiler's own front end also hangs (when `hang`) or
    crashes on the mutant: then Clang, not the checks, is what fails. Returns
    how it failed in words, or None."""
    if compiler is None:
        return None
    cmd = [compiler, "-fsyntax-only"] + BASE_FLAGS
    if mutant.source.mocks:
        cmd.append("-I" + INPUTS)
    cmd.append(os.path.join(workdir, mutant.name))
    outcome = run_limited(cmd, timeout, env)
    if hang:
        return outcome.hang and "also runs past %d s on it" % timeout
    if outcome.hang is None and (outcome.status < 0
                                 or CRASH.search(outcome.stderr)):
        return "crashes on it too"
    return None


def check_batch(args, batch, env):
    """Returns (failures, mutants that compiled, mutants that ran past the
    time limit, to be run again alone). A failure the compiler shares has no
    command: it is listed, not counted."""
    workdir = tempfile.mkdtemp(prefix="async-tidy-mutants-")
    try:
        why, outcome = run(args.async_tidy, batch, workdir, args.timeout, env)
        if why is None:
            failed = sum(1 for m in batch if re.search(
                re.escape(m.name) + r"' has compile errors", outcome.stderr))
            return [], len(batch) - failed, []
        if len(batch) > 1:  # find the culprits
            failures, hung = [], []
            for m in batch:
                found, _, past = check_batch(args, [m], env)
                failures += found
                hung += past
            return failures, 0, hung
        if outcome.hang:
            return [], 0, [(batch[0], outcome.hang)]
        also = compiler_fails_too(args.compiler, batch[0], workdir,
                                  args.timeout, env, hang=False)
        if also:
            return [(batch[0], None, also, None)], 0, []
        cmd = command(args.async_tidy, batch, [batch[0].name])
        return [(batch[0], cmd, why, outcome.stderr)], 0, []
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def run_alone(args, mutant, env):
    """A mutant that ran past the time limit beside other runs, run again
    with nothing else of ours running. Returns ("slow", CPU seconds) when it
    finishes, ("compiler", how) when the compiler's front end hangs on it
    too, else ("failure", (mutant, command, why, stderr))."""
    workdir = tempfile.mkdtemp(prefix="async-tidy-mutants-")
    try:
        why, outcome = run(args.async_tidy, [mutant], workdir, args.timeout,
                           env)
        if why is None:
            return "slow", outcome.cpu
        also = outcome.hang and compiler_fails_too(
            args.compiler, mutant, workdir, args.timeout, env, hang=True)
        if also:
            return "compiler", also
        cmd = command(args.async_tidy, [mutant], [mutant.name])
        return "failure", (mutant, cmd, why, outcome.stderr)
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
                        help="seconds of CPU time per mutant (a run that "
                        "uses no CPU time for as long also counts as a "
                        "hang)")
    parser.add_argument("--sources", default="*",
                        help="mutate only the sources whose path from the "
                        "top of the repository matches this glob")
    parser.add_argument("--compiler",
                        help="clang++ to try a mutant on that runs past the "
                        "timeout or crashes: when it hangs or crashes too, "
                        "the mutant is not counted as a crash (default: "
                        "clang++-N of the tool's LLVM release)")
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
    failures, compiled, hung, compiler_failed = [], 0, [], []
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        for found, ok, past in pool.map(lambda b: check_batch(args, b, env),
                                        batches):
            compiled += ok
            hung += past
            failures += [f for f in found if f[1] is not None]
            compiler_failed += [(f[0], f[2]) for f in found if f[1] is None]
    # A hang is counted only when it hangs again with the machine to itself:
    # one at a time, after the others.
    slow = 0
    for mutant, first in hung:
        kind, detail = run_alone(args, mutant, env)
        where = "mutant %d (from %s)" % (
            mutant.index, os.path.relpath(mutant.source.path, TOP))
        if kind == "slow":
            slow += 1
            print("not counted: %s: %s beside other runs, alone it finished "
                  "in %.1f s of CPU time" % (where, first, detail))
        elif kind == "compiler":
            compiler_failed.append((mutant, detail))
        else:
            failures.append(detail)
    for mutant, cmd, why, err in sorted(failures, key=lambda f: f[0].index):
        save(args.out, mutant, cmd, why, err)

    notes = []
    for how in ("also runs past %d s on it" % args.timeout,
                "crashes on it too"):
        shared = sorted((m for m, h in compiler_failed if h == how),
                        key=lambda m: m.index)
        for mutant in shared:
            print("not counted: mutant %d (from %s): %s -fsyntax-only %s"
                  % (mutant.index, os.path.relpath(mutant.source.path, TOP),
                     args.compiler, how))
        if shared:
            notes.append("%d where the compiler %s too" % (
                len(shared), "hangs" if how.startswith("also") else
                "crashes"))
    if slow:
        notes.append("%d slow" % slow)
    print("seed %d: %d mutants run, %d compiled, %d crashes%s"
          % (args.seed, len(mutants), compiled, len(failures),
             "".join(", " + n for n in notes)))
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

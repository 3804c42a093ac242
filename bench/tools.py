"""The three tools the benchmark compares, and how one run of them is timed.

Every command runs with its output discarded; a run's wall time is measured
around the process; its CPU time and peak memory (the largest resident set)
cover the process and every child it waited for (os.wait4).
"""
import os
import re
import shlex
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

SYNTAX_ONLY = "clang++ -fsyntax-only"
ASYNC_TIDY = "async-tidy (async-*)"
STOCK_TIDY = "clang-tidy (coroutine checks)"


class Run:
    """Wall seconds, CPU seconds (user and system, with the children it
    waited for) and peak resident MiB of one or more processes."""

    def __init__(self, wall, cpu, peak_mib):
        self.wall = wall
        self.cpu = cpu
        self.peak_mib = peak_mib

    def __add__(self, other):
        # Processes run one after another: times add, memory does not.
        return Run(self.wall + other.wall, self.cpu + other.cpu,
                   max(self.peak_mib, other.peak_mib))


def run(command, cwd, ok_codes=(0, 1), stderr=subprocess.DEVNULL):
    start = time.perf_counter()
    proc = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL,
                            stderr=stderr)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in ok_codes:
        sys.exit("bench: `%s` exited with %d" % (shlex.join(command), code))
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024.0)


def compile_flags(entry):
    """The flags of a compile_commands.json entry, without the compiler, the
    output and the input."""
    if "arguments" in entry:
        args = list(entry["arguments"])
    else:
        args = shlex.split(entry["command"])
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


def entry_path(entry):
    return os.path.join(entry["directory"], entry["file"])


class Tools:
    def __init__(self, async_tidy, clang_tidy, clang):
        self.async_tidy = async_tidy
        self.clang_tidy = clang_tidy
        self.clang = clang
        help_text = subprocess.run([async_tidy, "--help"], capture_output=True,
                                   text=True, check=True).stdout
        # cl::opt prints each option as "  -name" or "  --name" at the start
        # of its help line.
        self.has_jobs = re.search(r"^\s+--?j[ =<]", help_text, re.M) is not None
        self.has_cache = re.search(r"^\s+--cache-dir", help_text, re.M) is not None
        self.has_cross_file = re.search(r"^\s+--cross-file", help_text,
                                        re.M) is not None

    def single(self, entry):
        """Commands that analyze one database entry, by tool name."""
        path, flags = entry_path(entry), compile_flags(entry)
        return {
            SYNTAX_ONLY: [self.clang, "-fsyntax-only"] + flags + [path],
            ASYNC_TIDY: [self.async_tidy, "--quiet", "--checks=-*,async-*",
                         path, "--"] + flags,
            STOCK_TIDY: [self.clang_tidy, "--quiet",
                         "--checks=-*," + STOCK_COROUTINE_CHECKS, path,
                         "--"] + flags,
        }

    def syntax_only_each(self, entries):
        """-fsyntax-only on every entry, one after another: a Run each."""
        return [run(self.single(entry)[SYNTAX_ONLY], entry["directory"])
                for entry in entries]

    def async_checks(self):
        """The names of async-tidy's async-* checks, from --list-checks."""
        listed = subprocess.run(
            [self.async_tidy, "--list-checks", "--checks=-*,async-*"],
            capture_output=True, text=True, check=True).stdout
        return re.findall(r"^\s+(async-\S+)$", listed, re.M)

    def one_check(self, entry, check):
        """async-tidy with only check on one database entry."""
        command = self.single(entry)[ASYNC_TIDY]
        return [("--checks=-*," + check if arg == "--checks=-*,async-*"
                 else arg) for arg in command]

    def async_tidy_db(self, db_dir, jobs=None, cache_dir=None):
        command = [self.async_tidy, "--quiet", "--checks=-*,async-*", "-p",
                   db_dir]
        if jobs is not None:
            command.append("-j%d" % jobs)
        if cache_dir is not None:
            command.append("--cache-dir=" + cache_dir)
        return command

    def stock_tidy_db(self, db_dir, entries):
        return [self.clang_tidy, "--quiet", "--checks=-*," + STOCK_COROUTINE_CHECKS,
                "-p", db_dir] + [entry_path(e) for e in entries]

    def check_profile(self, entry):
        """A Profile of one --enable-check-profile run on entry."""
        path, flags = entry_path(entry), compile_flags(entry)
        proc = subprocess.run(
            [self.async_tidy, "--quiet", "--checks=-*,async-*",
             "--enable-check-profile", path, "--"] + flags,
            cwd=entry["directory"], stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE, text=True)
        if proc.returncode not in (0, 1):
            sys.exit("bench: --enable-check-profile exited with %d"
                     % proc.returncode)
        return Profile(proc.stderr)


# A row of clang-tidy's profile: user, system, user+system and wall columns,
# each "seconds (percent%)", then the check's name. LLVM's TimerGroup leaves
# out a column whose total is zero (system time on a small TU on a quiet
# machine) and prints dashes for one too small to divide by, so only the last
# column, wall time, is sure to be there.
PROFILE_ROW = re.compile(r"^\s*(?:(?:[\d.]+ \([^)]*\)|-+)\s+){0,3}"
                         r"([\d.]+) \([^)]*\)\s+(\S+)\s*$")
# async-tidy's own line: the front end against the checks' whole share.
COST_LINE = re.compile(r"^async-tidy: time in .*: front end ([\d.]+) s, "
                       r"checks ([\d.]+) s ")


class Profile:
    """From --enable-check-profile's output: each check's wall seconds in
    its matchers and callbacks (clang-tidy's table), and the wall seconds of
    the front end and of the checks' whole share (async-tidy's line)."""

    def __init__(self, stderr):
        self.per_check, self.front_end, self.checks = {}, None, None
        for line in stderr.splitlines():
            match = PROFILE_ROW.match(line)
            if match and match.group(2) != "Total":
                self.per_check[match.group(2)] = float(match.group(1))
            match = COST_LINE.match(line)
            if match:
                self.front_end = float(match.group(1))
                self.checks = float(match.group(2))
        if not self.per_check or self.checks is None:
            sys.exit("bench: no check profile in async-tidy's output:\n"
                     + "\n".join(stderr.splitlines()[-12:]))

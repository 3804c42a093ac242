#!/usr/bin/env python3
"""async-tidy's performance benchmark: async-tidy (async-* checks) against
`clang++ -fsyntax-only` and stock clang-tidy with its coroutine checks, in
one run on the same files.

    bench.py --async-tidy BIN --clang-tidy BIN [--examples-db DIR] [options]

Sections: the examples' TUs (--examples-db), generated single TUs of
growing size on real Boost.Asio, cpprestsdk and std headers, what the
checks add at each size (--enable-check-profile), and a generated project
of --tus small TUs (scaling in TU count, -j2 against -j1, the cache's warm
rerun against the cold run). The tools take turns within each repetition,
and every ratio is the median of the ratios of the repetitions, each
measured against the baseline's run in the same repetition. Prints the
table and writes OUT/bench.csv, OUT/bench.json and the time vs TU size plot
OUT/tu-size.png and .svg.
"""
import argparse
import json
import math
import os
import shutil
import statistics
import subprocess
import sys
import time

import corpus
import report
from tools import (ASYNC_TIDY, STOCK_TIDY, SYNTAX_ONLY, Run, Tools,
                   entry_path, run)

# Goals from the architecture spec (docs/performance.md explains them).
WALL_GOAL, MEM_GOAL = 1.10, 1.15
SIZE_SCALING_GOAL = 1.5
COUNT_SCALING_GOAL = 1.15
SPEEDUP_GOAL = 1.8
CACHE_GOAL = 0.05
CROSS_FILE_GOAL = 1.15
NEEDS_DRIVER = "n/a (needs -j/--cache-dir)"
# The confidence wanted of a median's interval (see median_interval).
INTERVAL_CONFIDENCE = 0.90


STARTED = time.time()


def progress(message):
    print("bench: %4.0f s  %s" % (time.time() - STARTED, message),
          file=sys.stderr, flush=True)


def median_interval(values):
    """The smallest k-th smallest and k-th largest of values that hold the
    true median with INTERVAL_CONFIDENCE or more, whatever the noise's
    distribution (order statistics of a binomial); all of the range when
    there are too few values for that (5 values: the range, 94%)."""
    xs, n = sorted(values), len(values)
    k = 1
    while k < (n + 1) // 2:
        below = sum(math.comb(n, i) for i in range(k + 1)) / 2 ** n
        if 1 - 2 * below < INTERVAL_CONFIDENCE:
            break
        k += 1
    return xs[k - 1], xs[n - k]


class Figure:
    """A tool's figures over its runs: median wall and CPU time and peak
    memory and, against a baseline's runs in the same repetitions, the
    median of the per-repetition ratios with their interval. On this kind
    of machine the same command's time moves by a tenth or more from run to
    run, independently for each run, so only many paired runs give a ratio
    to two decimals."""

    def __init__(self, runs, base=None):
        self.reps = len(runs)
        self.wall = statistics.median(r.wall for r in runs)
        self.cpu = statistics.median(r.cpu for r in runs)
        self.peak_mib = statistics.median(r.peak_mib for r in runs)
        self.ratios = {}
        if base is not None:
            pairs = list(zip(runs, base))
            for key in ("wall", "cpu", "peak_mib"):
                self.ratios[key] = [getattr(r, key) / getattr(b, key)
                                    for r, b in pairs]

    def x(self, key):
        return statistics.median(self.ratios[key]) if self.ratios else None


def measure(jobs, repeat, fewer=None):
    """Runs the jobs (name -> callable returning a Run) repeat times, taking
    turns, in reverse order every other repetition so that neither side of a
    pair always goes first; fewer gives some jobs fewer repetitions. Returns
    each job's Runs in repetition order."""
    fewer = fewer or {}
    runs = {name: [] for name in jobs}
    for i in range(repeat):
        names = [name for name in jobs if i < fewer.get(name, repeat)]
        if i % 2:
            names.reverse()
        for name in names:
            runs[name].append(jobs[name]())
    return runs


def row(section, subject, tool, size, figure=None):
    """A table row; its figures from figure, or blank."""
    r = {column: None for column in report.COLUMNS}
    r.update(section=section, subject=subject, tool=tool, size=size,
             reps=figure.reps if figure else 0, goal="", result="")
    if figure is None:
        return r
    r.update(wall_s=round(figure.wall, 4), cpu_s=round(figure.cpu, 4),
             peak_mib=round(figure.peak_mib, 1))
    if figure.ratios:
        low, high = median_interval(figure.ratios["wall"])
        r.update(wall_x=round(figure.x("wall"), 3), wall_x_low=round(low, 3),
                 wall_x_high=round(high, 3), cpu_x=round(figure.x("cpu"), 3),
                 mem_x=round(figure.x("peak_mib"), 3))
    return r


def judge(r, goal, measured, passed):
    r["goal"] = goal
    r["result"] = ("pass" if passed else "fail") + " (%s)" % measured
    return r


def file_lines(path):
    with open(path) as f:
        return sum(1 for _ in f)


def single_tu_rows(section, tools, entries, repeat, stock_repeat):
    """Each entry alone with the three tools. Returns the rows, each TU's
    size and Figures, and async-tidy's Figure by TU name."""
    rows, by_size, async_figures = [], [], {}
    for entry in entries:
        path = os.path.join(entry["directory"], entry["file"])
        name = os.path.basename(path)
        progress("%s %s" % (section, name))
        commands = tools.single(entry)
        runs = measure({tool: (lambda c=command: run(c, entry["directory"]))
                        for tool, command in commands.items()},
                       repeat, {STOCK_TIDY: stock_repeat})
        base = runs[SYNTAX_ONLY]
        figures = {tool: Figure(r, base) for tool, r in runs.items()}
        size = file_lines(path)
        for tool, figure in figures.items():
            rows.append(row(section, name, tool, size, figure))
        by_size.append((size, figures))
        async_figures[name] = figures[ASYNC_TIDY]
    return rows, by_size, async_figures


def one_tu_rows(figures):
    """The one-TU goals over every single TU (name -> async-tidy's Figure):
    the median of all of async-tidy's paired wall ratios, failed also by a
    TU whose own interval lies wholly above the goal; and the largest of the
    TUs' median memory ratios."""
    walls = [x for f in figures.values() for x in f.ratios["wall"]]
    wall = statistics.median(walls)
    low, high = median_interval(walls)
    r = row("one-tu", "all %d TUs, paired runs" % len(figures), ASYNC_TIDY,
            len(figures))
    r.update(reps=len(walls), wall_x=round(wall, 3), wall_x_low=round(low, 3),
             wall_x_high=round(high, 3))
    above = [name for name, f in figures.items()
             if median_interval(f.ratios["wall"])[0] > WALL_GOAL]
    measured = "%.2fx; %s" % (
        wall, "above in every run: " + ", ".join(above) if above
        else "no TU above in every run")
    rows = [judge(r, "wall<=%.2fx" % WALL_GOAL, measured,
                  wall <= WALL_GOAL and not above)]
    name, worst = max(((name, f.x("peak_mib")) for name, f in figures.items()),
                      key=lambda item: item[1])
    r = row("one-tu", "largest memory ratio: " + name, ASYNC_TIDY,
            len(figures))
    r["mem_x"] = round(worst, 3)
    rows.append(judge(r, "mem<=%.2fx" % MEM_GOAL, "%.2fx" % worst,
                      worst <= MEM_GOAL))
    return rows


def slope_ratio(points):
    """Seconds per added line over the upper step of sizes (the two largest)
    divided by seconds per line from the smallest to the second largest: 1
    when time is linear in size, (s2 + s1) / (s1 + s0) when quadratic; None
    when noise hid the growth."""
    (s0, t0), (s1, t1), (s2, t2) = points[0], points[-2], points[-1]
    lower, upper = (t1 - t0) / (s1 - s0), (t2 - t1) / (s2 - s1)
    return upper / lower if lower > 0 and upper > 0 else None


def size_scaling_rows(by_size, check_cost):
    """How time grows with TU size. Judged on what the checks add (their
    whole share of each run, from --enable-check-profile): the rest is the
    compiler's front end, the same as in -fsyntax-only, whose growth over
    these TUs (a few seconds on top of four of headers) moves so much from
    run to run that its slope ratio does too. The whole runs' growth is
    shown for the three tools."""
    points = sorted(by_size, key=lambda p: p[0])
    if len(points) < 3:
        return []
    sizes = "%d-%d vs %d-%d" % (points[-2][0], points[-1][0], points[0][0],
                                points[-2][0])
    rows = []
    for name in (SYNTAX_ONLY, ASYNC_TIDY, STOCK_TIDY):
        ratio = slope_ratio([(s, f[name].cpu) for s, f in points])
        r = row("tu-size-scaling", "cpu s/line " + sizes, name, points[-1][0])
        r["cpu_x"] = round(ratio, 3) if ratio else None
        rows.append(r)
    costs = sorted(check_cost.items())
    ratio = slope_ratio([(s, c) for s, c in costs])
    r = row("tu-size-scaling", "checks s/line " + sizes, ASYNC_TIDY,
            costs[-1][0])
    r["wall_x"] = round(ratio, 2) if ratio else None
    goal = "<=%.2f" % SIZE_SCALING_GOAL
    if ratio is None:
        r["goal"], r["result"] = goal, "n/a (no growth measured)"
    else:
        judge(r, goal, "%.2f" % ratio, ratio <= SIZE_SCALING_GOAL)
    rows.append(r)
    return rows


def per_check_rows(tools, entry, repeat):
    """Each async-* check alone against -fsyntax-only on one TU, in paired
    runs as the single TUs are: a check that makes the analysis slow is
    named by its row. Each row is judged on the one-TU goal."""
    name = os.path.basename(entry["file"])
    progress("per check %s" % name)
    commands = tools.single(entry)
    jobs = {SYNTAX_ONLY: lambda: run(commands[SYNTAX_ONLY],
                                     entry["directory"])}
    for check in tools.async_checks():
        command = tools.one_check(entry, check)
        jobs[check] = lambda c=command: run(c, entry["directory"])
    runs = measure(jobs, repeat)
    base = runs.pop(SYNTAX_ONLY)
    size = file_lines(entry_path(entry))
    rows = [row("per-check", name, SYNTAX_ONLY, size, Figure(base, base))]
    for check, check_runs in runs.items():
        figure = Figure(check_runs, base)
        r = row("per-check", name, check, size, figure)
        rows.append(judge(r, "wall<=%.2fx" % WALL_GOAL,
                          "%.2fx" % figure.x("wall"),
                          figure.x("wall") <= WALL_GOAL))
    return rows


def check_profile_rows(tools, entries, repeat):
    """What the checks add at each size: their whole share of the run (AST
    walk, callbacks, end-of-TU analysis), the median of repeat runs, and its
    share of the front end's time in the same runs; each check's own time on
    the largest TU. The profile's timers add a little to every matcher
    call, so these rows overstate the cost slightly; they judge only its
    growth with size. Returns the rows and the checks' seconds by TU size."""
    rows, cost = [], {}
    for entry in entries:
        name = os.path.basename(entry["file"])
        size = file_lines(os.path.join(entry["directory"], entry["file"]))
        progress("check profile %s" % name)
        profiles = [tools.check_profile(entry) for _ in range(repeat)]
        checks = statistics.median(p.checks for p in profiles)
        front_end = statistics.median(p.front_end for p in profiles)
        cost[size] = checks
        r = row("check-profile", name, "all async-* checks", size)
        r.update(reps=repeat, wall_s=round(checks, 4),
                 wall_x=round(checks / front_end, 4),
                 result="%.2f%% of the front end" % (100 * checks / front_end))
        rows.append(r)
    # The loop ends on the largest TU.
    per_check = {}
    for p in profiles:
        for check, seconds in p.per_check.items():
            per_check.setdefault(check, []).append(seconds)
    for check, times in sorted(per_check.items(),
                               key=lambda kv: -statistics.median(kv[1])):
        r = row("check-profile", name, check, size)
        r.update(reps=repeat, wall_s=round(statistics.median(times), 4),
                 wall_x=round(statistics.median(times) / front_end, 4))
        rows.append(r)
    return rows, cost


def project_rows(tools, project_dir, counts, repeat, results_dir):
    with open(os.path.join(project_dir, "compile_commands.json")) as f:
        entries = json.load(f)
    db = {n: os.path.join(project_dir, "db-%d" % n) for n in counts}
    top = counts[-1]
    # -fsyntax-only runs file by file, so one pass gives every count's sum.
    syntax_passes = []

    def syntax_only():
        syntax_passes.append(tools.syntax_only_each(entries[:top]))
        return sum(syntax_passes[-1], Run(0.0, 0.0, 0.0))

    jobs = {SYNTAX_ONLY: syntax_only,
            STOCK_TIDY: lambda: run(tools.stock_tidy_db(db[top], entries[:top]),
                                    project_dir)}
    # Before the driver has -j, async-tidy analyzes a database in process,
    # one TU after another: that run shows the scaling in TU count.
    serial = "-j1" if tools.has_jobs else "in process"
    for n in counts:
        jobs["%s %s @%d" % (ASYNC_TIDY, serial, n)] = (
            lambda n=n: run(tools.async_tidy_db(
                db[n], 1 if tools.has_jobs else None), project_dir))
    if tools.has_jobs:
        jobs["-j2"] = lambda: run(tools.async_tidy_db(db[top], 2), project_dir)
    # The same run judging each file alone: what following calls across
    # files (the summary pass and the second judgement) costs.
    if tools.has_cross_file:
        jobs["-j2 one file"] = lambda: run(
            tools.async_tidy_db(db[top], 2) + ["--cross-file=false"],
            project_dir)
    cache = os.path.join(results_dir, "cache")
    if tools.has_jobs and tools.has_cache:
        def cold():
            shutil.rmtree(cache, ignore_errors=True)
            return run(tools.async_tidy_db(db[top], 2, cache), project_dir)

        def warm():
            # The same files again, right after a cold run filled the cache.
            return run(tools.async_tidy_db(db[top], 2, cache), project_dir)
        jobs["cache"] = lambda: (cold(), warm())
    progress("project, %d TUs" % top)
    # Stock clang-tidy shows where it stands; one run is enough for that.
    runs = measure(jobs, repeat, {STOCK_TIDY: 1})
    shutil.rmtree(cache, ignore_errors=True)

    rows, ratio = [], {}
    for n in counts:
        base_runs = [sum(p[:n], Run(0.0, 0.0, 0.0)) for p in syntax_passes]
        rows.append(row("project", "%d TUs serial" % n, SYNTAX_ONLY, n,
                        Figure(base_runs, base_runs)))
        serial_runs = runs["%s %s @%d" % (ASYNC_TIDY, serial, n)]
        r = row("project", "%d TUs %s" % (n, serial), ASYNC_TIDY, n,
                Figure(serial_runs, base_runs))
        rows.append(r)
        ratio[n] = r["wall_x"]
    top_base = runs[SYNTAX_ONLY]
    rows.append(row("project", "%d TUs serial" % top, STOCK_TIDY, top,
                    Figure(runs[STOCK_TIDY], top_base)))

    # Linear in TU count: async-tidy's time over -fsyntax-only's on the same
    # files stays the same from the fewest TUs to the most.
    growth = ratio[top] / ratio[counts[0]]
    r = row("project", "x @%d / x @%d" % (top, counts[0]), ASYNC_TIDY, top)
    r["wall_x"] = round(growth, 2)
    rows.append(judge(r, "<=%.2f" % COUNT_SCALING_GOAL, "%.2f" % growth,
                      growth <= COUNT_SCALING_GOAL))

    if tools.has_jobs:
        j1 = runs["%s -j1 @%d" % (ASYNC_TIDY, top)]
        r = row("project", "%d TUs -j2" % top, ASYNC_TIDY, top,
                Figure(runs["-j2"], top_base))
        speedup = statistics.median(a.wall / b.wall
                                    for a, b in zip(j1, runs["-j2"]))
        rows.append(judge(r, "-j1/-j2>=%.1f" % SPEEDUP_GOAL, "%.2f" % speedup,
                          speedup >= SPEEDUP_GOAL))
    else:
        r = row("project", "%d TUs -j2" % top, ASYNC_TIDY, top)
        r["goal"], r["result"] = "-j1/-j2>=%.1f" % SPEEDUP_GOAL, NEEDS_DRIVER
        rows.append(r)

    if tools.has_cross_file:
        r = row("cross-file", "%d TUs -j2, calls across files" % top,
                ASYNC_TIDY, top, Figure(runs["-j2"], runs["-j2 one file"]))
        index = os.path.join(results_dir, "summary-index.json")
        subprocess.run(tools.async_tidy_db(db[top], 2) +
                       ["--write-summary-index=" + index], cwd=project_dir,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        size = os.path.getsize(index) if os.path.exists(index) else 0
        rows.append(judge(r, "with/without<=%.2f" % CROSS_FILE_GOAL,
                          "%.2f, index %d bytes" % (r["wall_x"], size),
                          r["wall_x"] <= CROSS_FILE_GOAL))

    if "cache" in runs:
        cold = [c for c, _ in runs["cache"]]
        warm = [w for _, w in runs["cache"]]
        rows.append(row("cache", "%d TUs -j2 cold" % top, ASYNC_TIDY, top,
                        Figure(cold, top_base)))
        r = row("cache", "%d TUs -j2 warm" % top, ASYNC_TIDY, top,
                Figure(warm, cold))
        rows.append(judge(r, "warm/cold<=%.2f" % CACHE_GOAL,
                          "%.3f" % r["wall_x"], r["wall_x"] <= CACHE_GOAL))
    else:
        r = row("cache", "%d TUs -j2 warm/cold" % top, ASYNC_TIDY, top)
        r["goal"], r["result"] = "warm/cold<=%.2f" % CACHE_GOAL, NEEDS_DRIVER
        rows.append(r)
    return rows


def int_list(text):
    return [int(x) for x in text.split(",") if x]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--async-tidy", required=True)
    parser.add_argument("--clang-tidy", required=True)
    parser.add_argument("--clang", help="default: clang++ next to clang-tidy")
    parser.add_argument("--examples-db", help="directory of the examples' "
                        "compile_commands.json; no examples section without it")
    parser.add_argument("--out", default=os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "results"))
    parser.add_argument("--repeat", type=int, default=5,
                        help="runs of -fsyntax-only and async-tidy per single "
                        "TU")
    parser.add_argument("--stock-repeat", type=int, default=2,
                        help="runs of stock clang-tidy per single TU (it is "
                        "shown, not judged)")
    parser.add_argument("--profile-repeat", type=int, default=2,
                        help="--enable-check-profile runs per generated TU")
    parser.add_argument("--check-repeat", type=int, default=3,
                        help="paired runs of each check alone (on the middle "
                        "generated TU)")
    # The project's runs start a process per file, whose noise averages out
    # over the files; two keep make bench under 10 minutes on 2 cores.
    parser.add_argument("--project-repeat", type=int, default=2,
                        help="runs per project figure")
    parser.add_argument("--units", type=int_list, default=[4, 16, 48],
                        help="groups of user code in each generated single TU")
    parser.add_argument("--libs", default="asio,cpprest,std",
                        help="libraries the single TUs use")
    parser.add_argument("--tus", type=int_list, default=[25, 50, 100],
                        help="project sizes for the TU-count scaling")
    args = parser.parse_args()
    if min(args.repeat, args.stock_repeat, args.profile_repeat,
           args.check_repeat, args.project_repeat) < 1 or len(args.tus) < 2:
        parser.error("repetitions take 1 or more, --tus two counts or more")
    libs = args.libs.split(",")
    if "std" not in libs or set(libs) - set(corpus.LIBRARIES):
        parser.error("--libs takes std and any of asio,cpprest")
    clang = args.clang or os.path.join(os.path.dirname(args.clang_tidy),
                                       "clang++")
    for tool in (args.async_tidy, args.clang_tidy, clang):
        if not os.access(tool, os.X_OK):
            parser.error("%s is not an executable" % tool)
    tools = Tools(os.path.abspath(args.async_tidy), args.clang_tidy, clang)
    out = os.path.abspath(args.out)
    work = os.path.join(out, "corpus")
    shutil.rmtree(work, ignore_errors=True)
    single_dir, project_dir = (os.path.join(work, d) for d in ("single", "project"))
    corpus.generate_single(single_dir, args.units, libs)
    corpus.generate_project(project_dir, max(args.tus), 25, 50,
                            sorted(args.tus))

    started, load_before = time.time(), os.getloadavg()[0]
    rows, async_figures = [], {}
    if args.examples_db:
        with open(os.path.join(args.examples_db, "compile_commands.json")) as f:
            examples = json.load(f)
        example_rows, _, async_figures = single_tu_rows(
            "examples", tools, examples, args.repeat, args.stock_repeat)
        rows += example_rows
    with open(os.path.join(single_dir, "compile_commands.json")) as f:
        singles = sorted(json.load(f), key=lambda e: file_lines(entry_path(e)))
    single_rows, by_size, single_figures = single_tu_rows(
        "single-tu", tools, singles, args.repeat, args.stock_repeat)
    async_figures.update(single_figures)
    rows += single_rows + one_tu_rows(async_figures)
    profile_rows, check_cost = check_profile_rows(tools, singles,
                                                  args.profile_repeat)
    rows += size_scaling_rows(by_size, check_cost)
    rows += per_check_rows(tools, singles[len(singles) // 2],
                           args.check_repeat)
    rows += project_rows(tools, project_dir, sorted(args.tus),
                         args.project_repeat, out)
    rows += profile_rows

    meta = {
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime(started)),
        "seconds": round(time.time() - started, 1),
        "cores": os.cpu_count(),
        "load_average_before": round(load_before, 2),
        "load_average_after": round(os.getloadavg()[0], 2),
        "async_tidy": tools.async_tidy,
        "clang_tidy": tools.clang_tidy,
        "clang": tools.clang,
        "repeat": args.repeat, "stock_repeat": args.stock_repeat,
        "profile_repeat": args.profile_repeat,
        "check_repeat": args.check_repeat,
        "project_repeat": args.project_repeat,
        "units": args.units, "libs": libs, "tus": sorted(args.tus),
        "commit": git_commit(),
    }
    report.print_table(rows, meta)
    os.makedirs(out, exist_ok=True)
    report.write_csv(os.path.join(out, "bench.csv"), rows)
    report.write_json(os.path.join(out, "bench.json"), rows, meta)
    report.plot_tu_size(out, single_rows)


def git_commit():
    proc = subprocess.run(["git", "rev-parse", "--short", "HEAD"],
                          cwd=os.path.dirname(os.path.abspath(__file__)),
                          capture_output=True, text=True)
    return proc.stdout.strip() if proc.returncode == 0 else None


if __name__ == "__main__":
    sys.exit(main())

"""The benchmark's outputs: the printed table, CSV, JSON and the time vs TU
size plot (gnuplot)."""
import csv
import json
import os
import subprocess
import sys

COLUMNS = ["section", "subject", "tool", "size", "reps", "wall_s", "wall_x",
           "wall_x_low", "wall_x_high", "cpu_s", "cpu_x", "peak_mib", "mem_x",
           "goal", "result"]


def cell(value, spec):
    return "" if value is None else spec % value


ROW = "%-15s %-34s %-33s %5s %4s %8s %5s %-9s %8s %5s %8s %5s  %-15s %s"


def print_table(rows, meta):
    header = ROW % ("section", "subject", "tool", "size", "reps", "wall s",
                    "x", "x range", "cpu s", "x", "peak MiB", "x", "goal",
                    "result")
    print("async-tidy benchmark, %s, commit %s, %d cores, load average %.2f "
          "before and %.2f after, %.0f s" % (
              meta["date"], meta["commit"], meta["cores"],
              meta["load_average_before"], meta["load_average_after"],
              meta["seconds"]))
    print(header)
    print("-" * len(header))
    for r in rows:
        x_range = ("" if r["wall_x_low"] is None else
                   "%.2f-%.2f" % (r["wall_x_low"], r["wall_x_high"]))
        print((ROW % (
            r["section"], r["subject"], r["tool"], r["size"], r["reps"] or "",
            cell(r["wall_s"], "%.3f"), cell(r["wall_x"], "%.2f"), x_range,
            cell(r["cpu_s"], "%.3f"), cell(r["cpu_x"], "%.2f"),
            cell(r["peak_mib"], "%.1f"), cell(r["mem_x"], "%.2f"),
            r["goal"], r["result"])).rstrip())
    goals = [r for r in rows if r["goal"]]
    failed = [r for r in goals if r["result"].startswith("fail")]
    print("goals: %d met, %d missed, %d not measured" % (
        sum(r["result"].startswith("pass") for r in goals), len(failed),
        sum(r["result"].startswith("n/a") for r in goals)))


def write_csv(path, rows):
    with open(path, "w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows)


def write_json(path, rows, meta):
    with open(path, "w") as f:
        json.dump({"meta": meta, "columns": COLUMNS, "rows": rows}, f, indent=1)
        f.write("\n")


PLOT = """\
set datafile separator ","
set key top left
set grid
set xlabel "TU size (lines of the .cpp file, headers not counted)"
set ylabel "wall time (s, median run)"
set yrange [0:*]
set title "Generated single TUs: wall time against size"
set terminal {terminal} size 800,500
set output "{output}"
plot for [i=2:4] "{data}" using 1:i with linespoints title columnheader(i)
"""


def plot_tu_size(out, single_rows):
    """tu-size.dat and a PNG and an SVG of wall time against TU size, one
    line per tool."""
    tools = list(dict.fromkeys(r["tool"] for r in single_rows))
    sizes = sorted({r["size"] for r in single_rows})
    wall = {(r["tool"], r["size"]): r["wall_s"] for r in single_rows}
    data = os.path.join(out, "tu-size.csv")
    with open(data, "w") as f:
        f.write(",".join(['"lines"'] + ['"%s"' % t for t in tools]) + "\n")
        for size in sizes:
            f.write(",".join([str(size)] + [str(wall[(t, size)]) for t in tools])
                    + "\n")
    for terminal, ext in (("pngcairo", "png"), ("svg", "svg")):
        script = PLOT.format(terminal=terminal, data=data,
                             output=os.path.join(out, "tu-size." + ext))
        proc = subprocess.run(["gnuplot"], input=script, text=True,
                              capture_output=True)
        if proc.returncode != 0:
            sys.exit("bench: gnuplot failed: " + proc.stderr)

"""Checks what bench/bench.py wrote to OUT: the CSV and JSON hold the same
rows with the expected columns, every section is there, measured figures
are positive, goals are judged, and the plot exists as PNG and SVG.

    check_results.py OUT
"""
import csv
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "..", "scripts"))
import catalog  # noqa: E402

COLUMNS = ["section", "subject", "tool", "size", "reps", "wall_s", "wall_x",
           "wall_x_low", "wall_x_high", "cpu_s", "cpu_x", "peak_mib", "mem_x", "goal", "result"]
SECTIONS = {"single-tu", "one-tu", "tu-size-scaling", "per-check", "project",
            "cache", "check-profile"}
CHECKS = {c.name for c in catalog.read() if c.default == "On"}


def fail(message):
    sys.exit("check_results: " + message)


out = sys.argv[1]
with open(os.path.join(out, "bench.csv"), newline="") as f:
    reader = csv.DictReader(f)
    if reader.fieldnames != COLUMNS:
        fail("CSV columns %s" % reader.fieldnames)
    csv_rows = list(reader)
with open(os.path.join(out, "bench.json")) as f:
    document = json.load(f)
rows = document["rows"]
if document["columns"] != COLUMNS or len(rows) != len(csv_rows):
    fail("JSON and CSV differ: %d and %d rows" % (len(rows), len(csv_rows)))
for r, c in zip(rows, csv_rows):
    if [str(r[k]) if r[k] is not None else "" for k in COLUMNS] != \
            [c[k] for k in COLUMNS]:
        fail("JSON row %s differs from CSV row %s" % (r, c))
if document["meta"]["repeat"] != 1 or not document["meta"]["seconds"] > 0:
    fail("meta %s" % document["meta"])

missing = SECTIONS - {r["section"] for r in rows}
if missing:
    fail("no rows for %s" % sorted(missing))
for r in rows:
    # Rows of whole runs: a process's time and memory.
    if r["reps"] and r["section"] not in ("one-tu", "check-profile"):
        if not (r["wall_s"] > 0 and r["cpu_s"] > 0 and r["peak_mib"] > 0):
            fail("measured row without positive time and memory: %s" % r)
    if r["tool"] == "clang++ -fsyntax-only" and r["section"] == "single-tu":
        if r["wall_x"] != 1 or r["cpu_x"] != 1 or r["mem_x"] != 1:
            fail("the baseline's ratios are not 1: %s" % r)
    if r["goal"] and not r["result"].startswith(("pass", "fail", "n/a")):
        fail("goal not judged: %s" % r)

alone = {r["tool"] for r in rows if r["section"] == "per-check" and r["goal"]}
if alone != CHECKS:
    fail("per-check rows judged for %s, not every check" % sorted(alone))

single = [r for r in rows if r["section"] == "single-tu"]
if len(single) != 9 or sorted({r["size"] for r in single})[0] <= 0:
    fail("expected 3 TUs by 3 tools, got %s" % single)
one_tu = [r for r in rows if r["section"] == "one-tu"]
if [r["goal"] for r in one_tu] != ["wall<=1.10x", "mem<=1.15x"] or \
        one_tu[0]["reps"] != 3:
    fail("expected the pooled wall goal over 3 paired runs and the memory "
         "goal, got %s" % one_tu)
for r in single:
    if r["tool"] != "clang++ -fsyntax-only" and not \
            r["wall_x_low"] <= r["wall_x"] <= r["wall_x_high"]:
        fail("the ratio is outside its interval: %s" % r)
profiled = [r for r in rows if r["section"] == "check-profile"]
if {r["tool"] for r in profiled} != CHECKS | {"all async-* checks"}:
    fail("check profile rows for %s" % sorted({r["tool"] for r in profiled}))
if len([r for r in profiled if r["tool"] == "all async-* checks"]) != 3:
    fail("expected the checks' whole share at each of the 3 sizes")
scaling = [r for r in rows if r["section"] == "tu-size-scaling" and r["goal"]]
if len(scaling) != 1 or not scaling[0]["subject"].startswith("checks"):
    fail("expected the TU-size goal on the checks' share, got %s" % scaling)
if not any(r["goal"] for r in rows if r["section"] == "cache"):
    fail("no cache goal row")

with open(os.path.join(out, "tu-size.png"), "rb") as f:
    if f.read(8) != b"\x89PNG\r\n\x1a\n":
        fail("tu-size.png is not a PNG")
with open(os.path.join(out, "tu-size.svg")) as f:
    svg = f.read()
if "<svg" not in svg or "async-tidy" not in svg:
    fail("tu-size.svg lacks the plot")

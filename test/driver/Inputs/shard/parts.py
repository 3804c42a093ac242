"""Prints the files of each shard report given (json, or sarif with its
embedded json), relative to the run's common folder, after checking that the
reports are the parts of one run and that each file is in exactly one."""
import json
import os
import sys

parts = []
for path in sys.argv[1:]:
    report = json.load(open(path))
    if "runs" in report:
        report = report["runs"][0]["properties"]["asyncTidyShard"]
    parts.append(report["shard"])
files = parts[0]["files"]
root = os.path.commonpath(files)
seen = []
for part in parts:
    assert part["files"] == files, "parts of different runs"
    positions = [a["position"] for a in part["analyzed"]]
    seen += positions
    print("%d/%d:%s" % (part["index"], part["count"], "".join(
        " " + os.path.relpath(files[p], root) for p in positions)))
if len(parts) == parts[0]["count"]:
    assert sorted(seen) == list(range(len(files))), "a file in no part or two"

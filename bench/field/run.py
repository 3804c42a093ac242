#!/usr/bin/env python3
"""Precision field test: async-tidy on real code checked into bench/field/.

Every directory under the field directory that holds a `project.cfg` is one
extract. The script writes a compile_commands.json for each (into --out, from
the flags and source globs of project.cfg), runs async-tidy over it with JSON
output, and compares the findings with the reviewed list expected.tsv.
Nothing is fetched at run time. bench/field/README.md describes the files.

Exit status: 0 when the findings agree with the review, 1 when a reviewed true
positive disappeared, a false positive marked `fixed` came back, or (without
--allow-new) a finding nobody reviewed appeared; 2 on bad input.
"""

import argparse
import collections
import glob
import json
import os
import shlex
import subprocess
import sys

VERDICTS = ("tp", "fp", "debatable")
STATES = ("", "fixed")
COLUMNS = ("file", "line", "check", "verdict", "reason", "state")


class InputError(Exception):
    pass


def read_config(path):
    """project.cfg: `key = value` lines; keys flags, sources, exclude."""
    config = {"flags": "", "sources": "", "exclude": ""}
    with open(path, encoding="utf-8") as stream:
        for number, line in enumerate(stream, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            key, sep, value = line.partition("=")
            key = key.strip()
            if not sep or key not in config:
                raise InputError(
                    "%s:%d: expected 'flags|sources|exclude = ...'" %
                    (path, number))
            config[key] = (config[key] + " " + value.strip()).strip()
    if not config["sources"]:
        raise InputError("%s: no 'sources' line" % path)
    return config


def expand(project_dir, patterns):
    found = set()
    for pattern in shlex.split(patterns):
        found.update(
            os.path.relpath(path, project_dir) for path in glob.glob(
                os.path.join(project_dir, pattern), recursive=True))
    return found


def projects(field_dir, only):
    names = sorted(
        name for name in os.listdir(field_dir)
        if os.path.isfile(os.path.join(field_dir, name, "project.cfg")))
    if only:
        unknown = sorted(set(only) - set(names))
        if unknown:
            raise InputError("no such project: %s" % ", ".join(unknown))
        names = [name for name in names if name in only]
    if not names:
        raise InputError("%s: no project.cfg found" % field_dir)
    return names


def write_database(field_dir, name, out_dir):
    """compile_commands.json for one extract; returns its directory."""
    project_dir = os.path.join(field_dir, name)
    config = read_config(os.path.join(project_dir, "project.cfg"))
    files = sorted(expand(project_dir, config["sources"]) -
                   expand(project_dir, config["exclude"]))
    if not files:
        raise InputError("%s: the source globs match no file" % name)
    flags = shlex.split(config["flags"])
    entries = [{
        "directory": project_dir,
        "file": path,
        "arguments": ["clang++"] + flags + ["-c", path],
    } for path in files]
    database_dir = os.path.join(out_dir, name)
    os.makedirs(database_dir, exist_ok=True)
    with open(os.path.join(database_dir, "compile_commands.json"), "w",
              encoding="utf-8") as stream:
        json.dump(entries, stream, indent=1)
    return database_dir, len(files)


def run_async_tidy(tool, field_dir, database_dir, jobs, cache_dir):
    """Findings of one extract as {(file, line, check): message}."""
    report_path = os.path.join(database_dir, "findings.json")
    header_filter = "^" + os.path.realpath(field_dir) + "/.*"
    command = [
        tool, "-p", database_dir, "--format", "json", "--output", report_path,
        "--header-filter", header_filter, "--checks=-*,async-*",
        "--fail-on-findings=false",
        "--quiet", "-j", str(jobs)
    ] + (["--cache-dir", cache_dir] if cache_dir else [])
    result = subprocess.run(command, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, universal_newlines=True)
    if result.returncode != 0 or not os.path.isfile(report_path):
        raise InputError("async-tidy failed (exit %d) on %s:\n%s" %
                         (result.returncode, database_dir, result.stderr))
    with open(report_path, encoding="utf-8") as stream:
        report = json.load(stream)
    failed = list(report.get("failedFiles", [])) + [
        entry.get("file", "?") for entry in report.get("notAnalyzed", [])
    ]
    findings = {}
    root = os.path.realpath(field_dir)
    for finding in report.get("findings", []):
        path = os.path.relpath(os.path.realpath(finding["file"]), root)
        findings[(path, int(finding["line"]), finding["check"])] = \
            finding["message"]
    return findings, failed


def read_expected(path):
    """expected.tsv rows keyed by (file, line, check)."""
    expected = collections.OrderedDict()
    if not os.path.exists(path):
        return expected
    with open(path, encoding="utf-8") as stream:
        for number, line in enumerate(stream, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.split("\t")
            if cells[0] == "file":
                continue
            if len(cells) == 5:
                cells.append("")
            if len(cells) != 6:
                raise InputError("%s:%d: expected 5 or 6 tab-separated "
                                 "columns (%s)" % (path, number,
                                                   ", ".join(COLUMNS)))
            row = dict(zip(COLUMNS, cells))
            if not row["line"].isdigit():
                raise InputError("%s:%d: line '%s' is not a number" %
                                 (path, number, row["line"]))
            if row["verdict"] not in VERDICTS:
                raise InputError("%s:%d: verdict '%s' is not one of %s" %
                                 (path, number, row["verdict"],
                                  "|".join(VERDICTS)))
            if row["state"] not in STATES:
                raise InputError("%s:%d: state '%s' is not empty or 'fixed'" %
                                 (path, number, row["state"]))
            if row["state"] == "fixed" and row["verdict"] != "fp":
                raise InputError("%s:%d: only a false positive can be fixed" %
                                 (path, number))
            key = (row["file"], int(row["line"]), row["check"])
            if key in expected:
                raise InputError("%s:%d: duplicate entry" % (path, number))
            expected[key] = row
    return expected


def write_expected(path, expected):
    with open(path, "w", encoding="utf-8") as stream:
        stream.write("\t".join(COLUMNS) + "\n")
        order = lambda row: (row["file"], int(row["line"]), row["check"])
        for row in sorted(expected.values(), key=order):
            cells = [row[column] for column in COLUMNS]
            if not cells[-1]:
                cells.pop()
            stream.write("\t".join(cells) + "\n")


def compare(findings, expected, in_scope):
    """Sorts findings and review rows into the outcome lists."""
    outcome = collections.defaultdict(list)
    for key, row in expected.items():
        if not in_scope(key[0]):
            continue
        reported = key in findings
        if row["verdict"] == "tp" and not reported:
            outcome["lost_tp"].append(key)
        elif row["state"] == "fixed" and reported:
            outcome["returned_fp"].append(key)
        elif row["verdict"] == "fp" and not row["state"] and not reported:
            outcome["gone_fp"].append(key)
    for key in findings:
        if key not in expected:
            outcome["new"].append(key)
    return outcome


def table(findings, expected):
    """Per-check counts of the current findings."""
    rows = collections.OrderedDict()
    for key in sorted(findings, key=lambda k: k[2]):
        counts = rows.setdefault(key[2], collections.Counter())
        counts["findings"] += 1
        row = expected.get(key)
        counts[row["verdict"] if row else "new"] += 1
    total = collections.Counter()
    for counts in rows.values():
        total.update(counts)
    rows["total"] = total
    return rows


def precision(counts):
    judged = counts["tp"] + counts["fp"]
    return "%.0f%%" % (100.0 * counts["tp"] / judged) if judged else "-"


def print_table(rows):
    header = ("check", "findings", "tp", "fp", "debatable", "new", "precision")
    lines = [header]
    for check, counts in rows.items():
        lines.append((check, ) + tuple(
            str(counts[c]) for c in header[1:-1]) + (precision(counts), ))
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    for line in lines:
        print("  ".join(cell.ljust(widths[i]) if i == 0 else cell.rjust(
            widths[i]) for i, cell in enumerate(line)))


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--async-tidy", default=os.path.join(
        here, "..", "..", "build", "bin", "async-tidy"))
    parser.add_argument("--field-dir", default=here,
                        help="directory of the extracts (default: this one)")
    parser.add_argument("--expected", help="reviewed list (default: "
                        "expected.tsv in the field directory)")
    parser.add_argument("--out", default=os.path.join(
        here, "..", "..", "build", "field"), help="where compile databases "
                        "and reports go")
    parser.add_argument("-j", "--jobs", type=int, default=2)
    parser.add_argument("--no-cache", action="store_true",
                        help="analyze every file again (by default results "
                        "are kept in OUT/cache, keyed by the tool's build, "
                        "the configuration and the content of every input)")
    parser.add_argument("--project", action="append",
                        help="only this extract (repeatable)")
    parser.add_argument("--allow-new", action="store_true",
                        help="unreviewed findings do not fail the run")
    parser.add_argument("--list-new", metavar="FILE",
                        help="write unreviewed findings as expected.tsv "
                        "rows with an empty verdict, for review")
    parser.add_argument("--mark-fixed", action="store_true",
                        help="mark reviewed false positives that are no "
                        "longer reported as fixed in the reviewed list")
    args = parser.parse_args()

    field_dir = os.path.realpath(args.field_dir)
    expected_path = args.expected or os.path.join(field_dir, "expected.tsv")
    try:
        names = projects(field_dir, args.project)
        expected = read_expected(expected_path)
        out_dir = os.path.realpath(args.out)
        cache_dir = None if args.no_cache else os.path.join(out_dir, "cache")
        findings, failed, units = {}, [], 0
        for name in names:
            database_dir, count = write_database(field_dir, name, out_dir)
            units += count
            found, lost = run_async_tidy(args.async_tidy, field_dir,
                                         database_dir, args.jobs, cache_dir)
            findings.update(found)
            failed += lost
    except (InputError, OSError) as error:
        print("run.py: error: %s" % error, file=sys.stderr)
        return 2

    in_scope = lambda path: path.split("/")[0] in names
    outcome = compare(findings, expected, in_scope)
    print("field test: %d projects, %d translation units, %d distinct "
          "findings" % (len(names), units, len(findings)))
    print_table(table(findings, expected))
    for path in failed:
        print("not analyzed: %s" % path)

    def show(kind, title, keys):
        for key in sorted(keys):
            row = expected.get(key)
            detail = findings.get(key) or (row["reason"] if row else "")
            print("%s: %s:%d: [%s] %s" % (title, key[0], key[1], key[2],
                                          detail))

    show("new", "new (unreviewed)", outcome["new"])
    show("gone_fp", "no longer reported (false positive; --mark-fixed)",
         outcome["gone_fp"])
    show("returned_fp", "FAIL: false positive came back",
         outcome["returned_fp"])
    show("lost_tp", "FAIL: true positive lost", outcome["lost_tp"])

    if args.list_new:
        with open(args.list_new, "w", encoding="utf-8") as stream:
            for key in sorted(outcome["new"]):
                stream.write("%s\t%d\t%s\t\t%s\n" %
                             (key[0], key[1], key[2], findings[key]))
    if args.mark_fixed and outcome["gone_fp"]:
        for key in outcome["gone_fp"]:
            expected[key]["state"] = "fixed"
        write_expected(expected_path, expected)
        print("marked %d false positives fixed in %s" %
              (len(outcome["gone_fp"]), expected_path))

    failures = len(outcome["returned_fp"]) + len(outcome["lost_tp"])
    if not args.allow_new:
        failures += len(outcome["new"])
    if failed:
        failures += len(failed)
    print("field test %s" % ("FAILED" if failures else "passed"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

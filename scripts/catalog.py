#!/usr/bin/env python3
"""The check catalogue, checks/CheckCatalog.def, for scripts and tests.

    catalog.py [--root DIR] filecheck [--default on|opt-in|all]
               [--prefix P] [--after TEXT] [--dag] [--format F]
        FileCheck lines that expect the catalogue's checks: "P: TEXT" first
        when --after is given, then one "P-NEXT:" (or "P-DAG:" with --dag,
        else "P:") line per check, F with {name} replaced.
    catalog.py [--root DIR] readme [--write]
        Compares README.md's table of checks with the catalogue (exit 1 and
        a diff when they differ); --write rewrites the table.
    catalog.py [--root DIR] verify
        The catalogue is sorted, every check has its header, class and page,
        every page and test directory has a check, and the README's table
        matches.

A catalogue that cannot be read is an error with exit status 2.
"""
import argparse
import difflib
import os
import re
import sys

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CATALOG = os.path.join("checks", "CheckCatalog.def")
NAME = re.compile(r"async-[a-z0-9]+(-[a-z0-9]+)*$")
DEFAULTS = ("On", "OptIn")
TABLE_BEGIN = ("<!-- Generated from checks/CheckCatalog.def by "
               "scripts/catalog.py readme --write: edit the catalogue, "
               "not this table. -->")
TABLE_END = "<!-- End of the generated table. -->"
TOKEN = re.compile(r'"(?:[^"\\\n]|\\.)*"|//[^\n]*|^[ \t]*#[^\n]*|'
                   r"[A-Za-z_][A-Za-z0-9_]*|\S", re.M)


class Check:
    def __init__(self, name, cls, header, default, summary):
        self.name, self.cls, self.header = name, cls, header
        self.default, self.summary = default, summary
        self.doc = "docs/checks/%s.md" % name


def fail(message):
    sys.stderr.write("catalog: %s\n" % message)
    sys.exit(2)


def entries(text):
    """The argument lists of the ASYNC_CHECK( ... ) entries, as tokens with
    adjacent string literals joined."""
    tokens = [t for t in TOKEN.findall(text)
              if not t.startswith("//") and not t.lstrip().startswith("#")]
    i = 0
    while i < len(tokens):
        if tokens[i] != "ASYNC_CHECK":
            fail("%s: unexpected '%s' outside an entry" % (CATALOG, tokens[i]))
        if i + 1 >= len(tokens) or tokens[i + 1] != "(":
            fail("%s: ASYNC_CHECK without '('" % CATALOG)
        args, current, i = [], [], i + 2
        while i < len(tokens) and tokens[i] != ")":
            if tokens[i] == ",":
                args.append(current)
                current = []
            else:
                current.append(tokens[i])
            i += 1
        if i == len(tokens):
            fail("%s: an entry has no ')'" % CATALOG)
        args.append(current)
        yield args
        i += 1


def string_value(tokens):
    if not tokens or not all(t.startswith('"') for t in tokens):
        return None
    return "".join(t[1:-1].replace('\\"', '"').replace("\\\\", "\\")
                   for t in tokens)


def read(root=TOP):
    """The catalogue's checks, in file order; exits 2 on a bad entry."""
    path = os.path.join(root, CATALOG)
    try:
        with open(path) as f:
            text = f.read()
    except OSError as e:
        fail("cannot read %s: %s" % (path, e.strerror))
    checks = []
    for args in entries(text):
        if len(args) != 5:
            fail("%s: an entry with %d fields, not 5: %s"
                 % (CATALOG, len(args), " ".join(sum(args, []))))
        name, header, summary = (string_value(args[i]) for i in (0, 2, 4))
        cls = args[1][0] if len(args[1]) == 1 else ""
        default = args[3][0] if len(args[3]) == 1 else ""
        if name is None or not NAME.match(name):
            fail("%s: bad check name %s" % (CATALOG, " ".join(args[0])))
        if not re.match(r"[A-Z][A-Za-z0-9]*$", cls):
            fail("%s: %s: bad class name" % (CATALOG, name))
        if header is None or not header.endswith(".h"):
            fail("%s: %s: the header must be a string ending in .h"
                 % (CATALOG, name))
        if default not in DEFAULTS:
            fail("%s: %s: the default must be On or OptIn" % (CATALOG, name))
        if not summary:
            fail("%s: %s: the summary must be a non-empty string"
                 % (CATALOG, name))
        checks.append(Check(name, cls, header, default, summary))
    return checks


def selected(checks, default):
    wanted = {"on": ("On",), "opt-in": ("OptIn",), "all": DEFAULTS}[default]
    return [c for c in checks if c.default in wanted]


def filecheck_lines(checks, prefix, after, dag, form):
    lines = ["%s: %s" % (prefix, after)] if after is not None else []
    suffix = "-DAG" if dag else "-NEXT" if after is not None else ""
    lines += ["%s%s: %s" % (prefix, suffix, form.format(name=c.name))
              for c in checks]
    return lines


def readme_table(checks):
    rows = [TABLE_BEGIN, "| check | default | finds |", "|---|---|---|"]
    for c in checks:
        rows.append("| [%s](%s) | %s | %s |" % (
            c.name, c.doc, "on" if c.default == "On" else "opt-in",
            c.summary.replace("|", "\\|")))
    return rows + [TABLE_END]


def readme(root, checks, write):
    """0 when README.md's table is the catalogue's (after --write, always)."""
    path = os.path.join(root, "README.md")
    with open(path) as f:
        lines = f.read().split("\n")
    if TABLE_BEGIN not in lines or TABLE_END not in lines:
        fail("README.md has no generated table (its first line is %s)"
             % TABLE_BEGIN)
    begin, end = lines.index(TABLE_BEGIN), lines.index(TABLE_END)
    wanted = readme_table(checks)
    if lines[begin:end + 1] == wanted:
        return 0
    if write:
        with open(path, "w") as f:
            f.write("\n".join(lines[:begin] + wanted + lines[end + 1:]))
        return 0
    sys.stdout.writelines(difflib.unified_diff(
        [l + "\n" for l in lines[begin:end + 1]], [l + "\n" for l in wanted],
        "README.md", "from checks/CheckCatalog.def"))
    print("README.md's table of checks differs from the catalogue; run "
          "scripts/catalog.py readme --write")
    return 1


def verify(root, checks):
    problems = []
    names = [c.name for c in checks]
    if names != sorted(names):
        problems.append("%s is not sorted by name" % CATALOG)
    if len(set(names)) != len(names):
        problems.append("%s names a check twice" % CATALOG)
    for c in checks:
        header = os.path.join(root, "checks", c.header)
        if not os.path.isfile(header):
            problems.append("%s: no checks/%s" % (c.name, c.header))
        elif not re.search(r"\bclass %s\b" % c.cls, open(header).read()):
            problems.append("%s: checks/%s declares no class %s"
                            % (c.name, c.header, c.cls))
        if not os.path.isfile(os.path.join(root, c.doc)):
            problems.append("%s: no page %s" % (c.name, c.doc))
    for kind, folder, ext in (("page", "docs/checks", ".md"),
                              ("test directory", "test/checks", "")):
        for entry in sorted(os.listdir(os.path.join(root, folder))):
            name = entry[:-len(ext)] if ext and entry.endswith(ext) else entry
            if name not in names:
                problems.append("%s %s/%s belongs to no check"
                                % (kind, folder, entry))
    for problem in problems:
        print(problem)
    status = readme(root, checks, write=False)
    return 1 if problems else status


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--root", default=TOP,
                        help="the source tree (default: this script's)")
    commands = parser.add_subparsers(dest="command", required=True)
    lines = commands.add_parser("filecheck")
    lines.add_argument("--default", choices=("on", "opt-in", "all"),
                       default="all")
    lines.add_argument("--prefix", default="CHECK")
    lines.add_argument("--after")
    lines.add_argument("--dag", action="store_true")
    lines.add_argument("--format", default="{name}")
    commands.add_parser("readme").add_argument("--write", action="store_true")
    commands.add_parser("verify")
    args = parser.parse_args()

    checks = read(args.root)
    if args.command == "filecheck":
        print("\n".join(filecheck_lines(selected(checks, args.default),
                                        args.prefix, args.after, args.dag,
                                        args.format)))
        return 0
    if args.command == "readme":
        return readme(args.root, checks, args.write)
    return verify(args.root, checks)


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Checks that parsing only the declarations an edit reaches changes no
diagnostic.

    partial_parity.py --dir DIR [--inputs MOCKS] [--flag F]...
                      [--sites N] [--timeout S] FILE... -- SERVER...

Copies each FILE into DIR with a compile_commands.json entry (-std=c++20,
-IMOCKS if given, and each --flag) and runs two language servers side by
side: SERVER as given, and SERVER with --partial-reparse=false, which parses
the whole file after every edit. Both open each file, then take the same
edits at N statements inside function bodies (spread over the file):

  1. the statement becomes a comment      what it caused goes away, in its
                                          declaration and in those it reached
  2. it comes back                        as at the open
  3. it is written twice                  the lines after it move down
  4. the copy goes                        as at the open

After each edit both servers' diagnostics must be the same. The first
server must say that it parsed only part of the file for some edit.
Prints one summary line; a difference is printed and fails the run.
PARTIAL_PARITY_LOG=1 in the environment prints the first server's log.
"""
import argparse
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lsp_session import Session, SessionError  # noqa: E402
from preamble_parity import (LoggedServer, diagnostics,  # noqa: E402
                             initialized, parse_arguments,
                             write_project)


def statement_lines(text):
    """Indices of lines that hold one whole statement right after a line
    that opens a block: safe to remove or repeat on their own."""
    lines = text.split("\n")
    found = []
    for i in range(1, len(lines)):
        line, above = lines[i], lines[i - 1].rstrip()
        stripped = line.strip()
        if not above.endswith("{") or not line[:1].isspace():
            continue
        if not stripped.endswith(";") or "#" in line or "//" in line:
            continue
        if any(line.count(a) != line.count(b)
               for a, b in ("()", "[]", "{}")):
            continue
        if re.match(r"(return|co_return|break|continue)\b", stripped):
            continue
        found.append(i)
    return found


def spread(values, count):
    if len(values) <= count:
        return values
    return [values[i * len(values) // count] for i in range(count)]


def edits(text, sites):
    """The texts of the four edits at each site, in order."""
    lines = text.split("\n")
    for i in sites:
        indent = lines[i][:len(lines[i]) - len(lines[i].lstrip())]
        gone = lines[:i] + [indent + "// edited"] + lines[i + 1:]
        twice = lines[:i + 1] + [lines[i]] + lines[i + 1:]
        for edited in (gone, lines, twice, lines):
            yield "\n".join(edited)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sites", type=int, default=2)
    args, command = parse_arguments(parser)

    sources = write_project(args.dir, args.files, args.inputs, args.flag)
    partial = LoggedServer(command)
    whole = LoggedServer(command + ["--partial-reparse=false"])
    sessions = [initialized(Session(server, {}, args.timeout))
                for server in (partial, whole)]

    failures, compared, steps, found = [], 0, 0, 0
    for source in sources:
        uri = Session.uri(source)
        with open(source) as f:
            text = f.read()
        sites = spread(statement_lines(text), args.sites)
        if not sites:
            continue
        compared += 1
        for session in sessions:
            session.buffers[uri] = [1, text]
            session.server.send({"method": "textDocument/didOpen", "params": {
                "textDocument": {"uri": uri, "languageId": "cpp",
                                 "version": 1, "text": text}}})
        lists = [diagnostics(session, uri) for session in sessions]
        found += len(lists[1])
        for step, edited in enumerate(edits(text, sites), start=1):
            for session in sessions:
                session.change(uri, edited)
            lists = [diagnostics(session, uri) for session in sessions]
            steps += 1
            if lists[0] != lists[1]:
                failures.append(
                    "%s, edit %d:\n  whole parse: %s\n  partial:     %s"
                    % (source, step, json.dumps(lists[1]),
                       json.dumps(lists[0])))
        for session in sessions:
            session.server.send({"method": "textDocument/didClose",
                                 "params": {"textDocument": {"uri": uri}}})
            diagnostics(session, uri)
    for session in sessions:
        session.server.send({"id": 2, "method": "shutdown"})
        session.wait_for(lambda m: m.get("id") == 2, "shutdown")
        session.server.send({"method": "exit"})
        session.server.process.wait(timeout=args.timeout)
        session.server.log_reader.join(timeout=args.timeout)
    if os.environ.get("PARTIAL_PARITY_LOG"):
        sys.stderr.write("\n".join(partial.log) + "\n")
    reaches = [line for line in partial.log if "analyzed again" in line]
    if any("analyzed again" in line for line in whole.log):
        failures.append("--partial-reparse=false parsed part of a file")
    if not reaches:
        failures.append("no edit was analyzed by parsing part of the file")
    if not found:
        failures.append("no file had a diagnostic to compare")
    for failure in failures:
        print("difference: " + failure)
    print("%d files, %d edits, %d of them parsed in part; diagnostics %s"
          % (compared, steps, len(reaches),
             "differ" if failures else "identical"))
    return 1 if failures else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except SessionError as error:
        print("session error: %s" % error)
        sys.exit(1)

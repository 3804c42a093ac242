#!/usr/bin/env python3
"""Checks that a reused preamble changes no diagnostic.

    preamble_parity.py --dir DIR [--inputs MOCKS] [--flag F]... [--timeout S]
                       FILE... -- SERVER...

Copies each FILE into DIR with a compile_commands.json entry (-std=c++20,
-IMOCKS if given, and each --flag), opens it in the language server and
edits it three times, waiting for the diagnostics each time:

  1. open                               a full parse; the preamble is built
  2. a comment appended at the end      the preamble is reused
  3. a comment after the first #include the preamble is stale: a full parse
  4. another comment at the end         the rebuilt preamble is reused

No edit moves a diagnostic, so all four lists must be the same. The server
must say it reused the preamble for steps 2 and 4 of a file or for neither
(a preamble whose build warned is not used); some file must reuse it,
and some must have a diagnostic.
Prints one summary line; a difference is printed and fails the run.
"""
import argparse
import json
import os
import queue
import re
import shutil
import subprocess
import sys
import threading

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lsp_session import Server, Session, SessionError  # noqa: E402


class LoggedServer(Server):
    """The server, with its log (standard error) kept."""

    def __init__(self, command):
        self.log = []
        self.process = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE)
        self.messages = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        self.log_reader = threading.Thread(target=self._read_log, daemon=True)
        self.log_reader.start()

    def _read_log(self):
        for line in self.process.stderr:
            self.log.append(line.decode(errors="replace").rstrip("\n"))


def parse_arguments(parser):
    """The options both parity scripts take, those parser already has, and
    the server's command after '--'."""
    parser.add_argument("--dir", required=True)
    parser.add_argument("--inputs")
    parser.add_argument("--flag", action="append", default=[])
    parser.add_argument("--timeout", type=float, default=300)
    parser.add_argument("files", nargs="+")
    argv = sys.argv[1:]
    split = argv.index("--")
    return parser.parse_args(argv[:split]), argv[split + 1:]


def write_project(directory, files, inputs, flags):
    """Copies files into directory (named FOLDER__NAME after their folder)
    with a compile_commands.json entry each: -std=c++20, -Iinputs if given,
    and flags. Returns the copies' paths."""
    os.makedirs(directory, exist_ok=True)
    sources = []
    for path in sorted(files):
        name = "%s__%s" % (os.path.basename(os.path.dirname(path)),
                           os.path.basename(path))
        copy = os.path.join(directory, name)
        shutil.copyfile(path, copy)
        sources.append(copy)
    flags = (["-I" + inputs] if inputs else []) + flags
    with open(os.path.join(directory, "compile_commands.json"), "w") as out:
        json.dump([{"directory": directory, "file": source,
                    "arguments": ["clang++", "-std=c++20"] + flags +
                    ["-c", source]} for source in sources], out)
    return sources


def initialized(session):
    """session, after the initialize request, with related information."""
    session.server.send({"id": 1, "method": "initialize", "params": {
        "capabilities": {"textDocument": {"publishDiagnostics": {
            "relatedInformation": True}}}}})
    session.wait_for(lambda m: m.get("id") == 1, "initialize")
    return session


def diagnostics(session, uri):
    message = session.wait_for(
        lambda m: m.get("method") == "textDocument/publishDiagnostics"
        and m["params"]["uri"] == uri, "diagnostics of " + uri)
    return message["params"]["diagnostics"]


def edits(text):
    """The texts of steps 2 to 4."""
    first_include = re.search(r"^#\s*include.*$", text, re.M)
    if not first_include:
        return None
    end = first_include.end()
    stale = text[:end] + " // edited" + text[end:]
    return [text + "\n// edited below\n", stale,
            stale + "\n// edited below\n// again\n"]


def main():
    args, command = parse_arguments(argparse.ArgumentParser())

    sources = write_project(args.dir, args.files, args.inputs, args.flag)
    server = LoggedServer(command)
    session = initialized(Session(server, {}, args.timeout))
    failures, reused, compared, found = [], 0, 0, 0
    for source in sources:
        uri = Session.uri(source)
        with open(source) as f:
            text = f.read()
        steps = edits(text)
        if steps is None:
            continue
        compared += 1
        session.buffers[uri] = [1, text]
        server.send({"method": "textDocument/didOpen", "params": {
            "textDocument": {"uri": uri, "languageId": "cpp", "version": 1,
                             "text": text}}})
        first = diagnostics(session, uri)
        found += len(first)
        for step, edited in enumerate(steps, start=2):
            session.change(uri, edited)
            now = diagnostics(session, uri)
            if now != first:
                failures.append(
                    "%s, step %d:\n  full parse: %s\n  now:        %s"
                    % (source, step, json.dumps(first), json.dumps(now)))
        server.send({"method": "textDocument/didClose",
                     "params": {"textDocument": {"uri": uri}}})
        diagnostics(session, uri)
    server.send({"id": 2, "method": "shutdown"})
    session.wait_for(lambda m: m.get("id") == 2, "shutdown")
    server.send({"method": "exit"})
    server.process.wait(timeout=args.timeout)
    server.log_reader.join(timeout=args.timeout)
    for source in sources:
        uses = sum(1 for line in server.log
                   if line.startswith("async-tidy lsp: %s:" % source)
                   and "analyzed with the preamble" in line)
        if uses == 2:
            reused += 1
        elif uses:
            failures.append("%s: the preamble was reused %d times, not 2 or 0"
                            % (source, uses))
    if not reused:
        failures.append("no file reused its preamble")
    if not found:
        failures.append("no file had a diagnostic to compare")
    for failure in failures:
        print("difference: " + failure)
    print("%d files, %d with the preamble reused twice; diagnostics %s"
          % (compared, reused, "differ" if failures else "identical"))
    return 1 if failures else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except SessionError as error:
        print("session error: %s" % error)
        sys.exit(1)

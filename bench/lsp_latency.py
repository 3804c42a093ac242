#!/usr/bin/env python3
"""Editor latency of `async-tidy lsp` against `clang++ -fsyntax-only` of the
same file with the compile database's flags.

    lsp_latency.py BUILD_DIR LLVM_VERSION [FILE] [--db DIR] [--runs N]
                   [--checks GLOBS] [--edit-goal RATIO]

Each run starts a server and measures the time from a message to the
publishDiagnostics it causes:

  open    didOpen: the whole file is parsed (the preamble of its #include
          block is built after the diagnostics are sent);
  edits   after a pause as long as the open took (a user reading the
          diagnostics; the preamble is built meanwhile), two edits inside a
          function body, a statement each before the file's first return,
          one after the other (the server's debounce is set to 0, so only
          the analysis is timed).

The compiler runs once per run, taking turns with the server. Printed are
the medians and the median of the per-run ratios (for edits: both edits of
each run against that run's compile).

--db is the folder of the compile database (default: BUILD_DIR/examples,
which `make bench` and `make demo` export); FILE defaults to its largest
source. --edit-goal prints whether the edit ratio is at most RATIO (issue
#23 asks for 0.3); the exit status does not depend on it.
"""
import argparse
import json
import os
import re
import shlex
import statistics
import subprocess
import tempfile
import time


def frame(message):
    body = json.dumps(dict(message, jsonrpc="2.0")).encode()
    return b"Content-Length: %d\r\n\r\n%s" % (len(body), body)


def read_message(stream):
    length = None
    while True:
        line = stream.readline().strip()
        if not line:
            if length is None:
                raise RuntimeError("the server closed its output")
            return json.loads(stream.read(length))
        name, _, value = line.partition(b":")
        if name.lower() == b"content-length":
            length = int(value)


def edited(text, number):
    """text with a statement inserted before its first return."""
    match = re.search(r"^([ \t]+)(co_)?return\b", text, re.M)
    if not match:
        raise SystemExit("no return statement to edit before")
    return "%s%s(void)%d;\n%s" % (text[:match.start()], match.group(1), number,
                                  text[match.start():])


class Server:
    def __init__(self, async_tidy, database_dir, checks, extra):
        # The background index of the project is built once, at start-up,
        # and re-analyzes the open file when it is done: not what an edit
        # costs, and its extra diagnostics would be taken for the edit's.
        command = [async_tidy, "lsp", "--compile-commands-dir=" + database_dir,
                   "--debounce-ms=0", "--background-index=false"]
        if checks:
            command.append("--checks=" + checks)
        command += extra
        self.log = tempfile.TemporaryFile()
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE,
                                        stderr=self.log)
        self.send({"id": 1, "method": "initialize",
                   "params": {"capabilities": {}}})
        read_message(self.process.stdout)

    def send(self, message):
        self.process.stdin.write(frame(message))
        self.process.stdin.flush()

    def timed(self, message):
        """Seconds from message to the next publishDiagnostics, and how
        many diagnostics it has."""
        start = time.monotonic()
        self.send(message)
        while True:
            reply = read_message(self.process.stdout)
            if reply.get("method") == "textDocument/publishDiagnostics":
                return (time.monotonic() - start,
                        len(reply["params"]["diagnostics"]))

    def stop(self):
        self.send({"id": 2, "method": "shutdown"})
        self.send({"method": "exit"})
        self.process.stdin.close()
        self.process.wait()
        self.log.seek(0)
        return self.log.read().decode(errors="replace")


def lsp_seconds(async_tidy, database_dir, path, checks, extra):
    """Seconds of the open and of the two edits, and the diagnostics."""
    with open(path) as source:
        text = source.read()
    uri = "file://" + path
    server = Server(async_tidy, database_dir, checks, extra)
    opened, count = server.timed({
        "method": "textDocument/didOpen", "params": {
            "textDocument": {"uri": uri, "languageId": "cpp", "version": 1,
                             "text": text}}})
    time.sleep(opened)
    edits = []
    for version in (2, 3):
        text = edited(text, version)
        seconds, _ = server.timed({
            "method": "textDocument/didChange", "params": {
                "textDocument": {"uri": uri, "version": version},
                "contentChanges": [{"text": text}]}})
        edits.append(seconds)
    log = server.stop()
    reach = [(int(k), int(n)) for k, n in
             re.findall(r"analyzed again (\d+) of (\d+) declarations", log)]
    return opened, edits, count, reach


def syntax_only_seconds(entry, llvm_version):
    command = entry.get("arguments") or shlex.split(entry["command"])
    command = ["clang++-%s" % llvm_version] + [
        a for a in command[1:] if a not in ("-c", entry["file"])]
    skip_output = [i for i, a in enumerate(command) if a == "-o"]
    for i in reversed(skip_output):
        del command[i:i + 2]
    start = time.monotonic()
    subprocess.run(command + ["-fsyntax-only", entry["file"]],
                   cwd=entry["directory"], check=True)
    return time.monotonic() - start


def runs_text(values):
    return ", ".join("%.2f" % v for v in values)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("build_dir")
    parser.add_argument("llvm_version")
    parser.add_argument("file", nargs="?")
    parser.add_argument("--db", help="folder of compile_commands.json")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--checks", help="the server's --checks (default: "
                        "the file's .clang-tidy)")
    parser.add_argument("--edit-goal", type=float)
    parser.add_argument("--server-arg", action="append", default=[],
                        help="an option for the server, e.g. "
                        "--server-arg=--partial-reparse=false")
    args = parser.parse_args()
    build_dir = os.path.abspath(args.build_dir)
    database_dir = os.path.abspath(args.db or
                                   os.path.join(build_dir, "examples"))
    with open(os.path.join(database_dir, "compile_commands.json")) as f:
        entries = json.load(f)
    for entry in entries:
        entry["file"] = os.path.join(entry["directory"], entry["file"])
    if args.file:
        path = os.path.abspath(args.file)
    else:
        path = max((e["file"] for e in entries), key=os.path.getsize)
    entry = next(e for e in entries if e["file"] == path)
    async_tidy = os.path.join(build_dir, "bin", "async-tidy")

    opens, edits, compile_only, reaches = [], [], [], []
    for _ in range(args.runs):
        opened, edit_seconds, count, reach = lsp_seconds(
            async_tidy, database_dir, path, args.checks, args.server_arg)
        opens.append(opened)
        edits.append(edit_seconds)
        reaches.extend(reach)
        compile_only.append(syntax_only_seconds(entry, args.llvm_version))
    flat_edits = [s for pair in edits for s in pair]
    print("%s: %d diagnostics" % (os.path.relpath(path), count))
    print("clang++-%s -fsyntax-only:      median %.2f s (runs: %s)"
          % (args.llvm_version, statistics.median(compile_only),
             runs_text(compile_only)))
    print("didOpen -> publishDiagnostics:   median %.2f s (runs: %s)"
          % (statistics.median(opens), runs_text(opens)))
    print("didChange -> publishDiagnostics: median %.2f s (runs: %s)"
          % (statistics.median(flat_edits), runs_text(flat_edits)))
    if reaches:
        print("edits parsing only the declarations they reach: %d of %d "
              "(parsed %s)" % (len(reaches), len(flat_edits), ", ".join(
                  "%d/%d" % r for r in reaches)))
    else:
        print("edits parsing only the declarations they reach: none")
    edit_ratio = statistics.median(
        e / b for pair, b in zip(edits, compile_only) for e in pair)
    print("open ratio: %.2fx, edit ratio: %.2fx (medians of the per-run "
          "ratios)" % (
              statistics.median(a / b for a, b in zip(opens, compile_only)),
              edit_ratio))
    if args.edit_goal is not None:
        print("goal edits <= %.2fx: %s (%.2fx)"
              % (args.edit_goal,
                 "pass" if edit_ratio <= args.edit_goal else "fail",
                 edit_ratio))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Plays a scripted JSON-RPC session against a language server on its stdio.

    lsp_session.py SCRIPT [--var NAME=VALUE ...] [--timeout S] -- SERVER...

The script is every line of SCRIPT that starts with '> ' (so a lit test holds
its own session next to its RUN and CHECK lines). @NAME@ in a line is
replaced by the --var value. Commands:

  > request ID METHOD [PARAMS-JSON]   send a request
  > notify METHOD [PARAMS-JSON]       send a notification
  > open PATH                         didOpen with the file's text, version 1
  > change PATH s/OLD/NEW/            replace OLD (first match) in the buffer
                                      and send the whole text as didChange;
                                      \\n in OLD and NEW is a line break
  > save PATH                         didSave
  > close PATH                        didClose
  > write PATH s/OLD/NEW/             edit the file on disk (not the buffer)
  > code-action ID CHECK PATH         codeAction over the range of CHECK's
                                      diagnostic last published for PATH
  > apply-edit ID                     apply the edit of the first action in
                                      response ID to the buffers (didChange)
  > body TEXT                         frame TEXT with a correct header
  > raw TEXT                          write TEXT as it is (\\r\\n escapes)
  > close-stdin                       end the server's input
  > kill-workers                      SIGKILL the server's child processes
  > expect-response ID|null           wait for it and print it
  > expect-diagnostics PATH           wait for the next publishDiagnostics
                                      of PATH and print it
  > expect-exit STATUS                wait for the server to exit with STATUS

Printed messages are JSON with sorted keys, one per line, with each --var
value written back as @NAME@, for FileCheck. Waiting longer than --timeout,
an unexpected exit status, or the server exiting early fails the session.
"""
import argparse
import json
import os
import queue
import re
import signal
import subprocess
import sys
import threading
import urllib.parse


class SessionError(Exception):
    pass


class Server:
    def __init__(self, command):
        self.process = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self.messages = queue.Queue()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self):
        stream = self.process.stdout
        while True:
            length = None
            while True:
                line = stream.readline()
                if not line:
                    self.messages.put(None)
                    return
                line = line.strip()
                if not line:
                    break
                name, _, value = line.partition(b":")
                if name.strip().lower() == b"content-length":
                    length = int(value)
            if length is None:
                self.messages.put(SessionError("a header without Content-Length"))
                return
            self.messages.put(json.loads(stream.read(length)))

    def write(self, data):
        self.process.stdin.write(data)
        self.process.stdin.flush()

    def send(self, message):
        message = dict(message, jsonrpc="2.0")
        body = json.dumps(message).encode()
        self.write(b"Content-Length: %d\r\n\r\n%s" % (len(body), body))


class Session:
    def __init__(self, server, variables, timeout):
        self.server = server
        self.variables = variables
        self.timeout = timeout
        self.pending = []  # received, not yet expected
        self.responses = {}
        self.buffers = {}  # uri -> [version, text]
        self.diagnostics = {}  # uri -> last published list

    def show(self, kind, message):
        text = json.dumps(message, sort_keys=True)
        for name, value in self.variables.items():
            text = text.replace(value, "@%s@" % name)
        print("%s %s" % (kind, text))
        sys.stdout.flush()

    def wait_for(self, wanted, what):
        for i, message in enumerate(self.pending):
            if wanted(message):
                return self.pending.pop(i)
        while True:
            try:
                message = self.server.messages.get(timeout=self.timeout)
            except queue.Empty:
                raise SessionError("no %s within %d s" % (what, self.timeout))
            if message is None:
                raise SessionError("the server closed its output while "
                                   "waiting for %s" % what)
            if isinstance(message, Exception):
                raise message
            if wanted(message):
                return message
            self.pending.append(message)

    @staticmethod
    def uri(path):
        return "file://" + urllib.parse.quote(path)

    def change(self, uri, text):
        entry = self.buffers[uri]
        entry[0] += 1
        entry[1] = text
        self.server.send({"method": "textDocument/didChange", "params": {
            "textDocument": {"uri": uri, "version": entry[0]},
            "contentChanges": [{"text": text}]}})

    @staticmethod
    def substitute(text, edit):
        match = re.fullmatch(r"s/(.*)/(.*)/", edit)
        old, new = [part.replace("\\n", "\n")
                    for part in match.groups()] if match else ["", ""]
        if not match or old not in text:
            raise SessionError("'%s' does not apply" % edit)
        return text.replace(old, new, 1)

    def run(self, command, arg):
        words = arg.split(None, 2)
        if command == "request":
            params = json.loads(words[2]) if len(words) > 2 else {}
            self.server.send({"id": int(words[0]), "method": words[1],
                              "params": params})
        elif command == "notify":
            words = arg.split(None, 1)
            message = {"method": words[0]}
            if len(words) > 1:
                message["params"] = json.loads(words[1])
            self.server.send(message)
        elif command == "open":
            uri = self.uri(arg)
            with open(arg) as source:
                text = source.read()
            self.buffers[uri] = [1, text]
            self.server.send({"method": "textDocument/didOpen", "params": {
                "textDocument": {"uri": uri, "languageId": "cpp",
                                 "version": 1, "text": text}}})
        elif command == "change":
            path, edit = arg.split(None, 1)
            uri = self.uri(path)
            self.change(uri, self.substitute(self.buffers[uri][1], edit))
        elif command in ("save", "close"):
            method = "didSave" if command == "save" else "didClose"
            self.server.send({"method": "textDocument/" + method, "params": {
                "textDocument": {"uri": self.uri(arg)}}})
        elif command == "write":
            path, edit = arg.split(None, 1)
            with open(path) as source:
                text = source.read()
            with open(path, "w") as source:
                source.write(self.substitute(text, edit))
        elif command == "code-action":
            uri = self.uri(words[2])
            found = [d for d in self.diagnostics.get(uri, [])
                     if d.get("code") == words[1]]
            if not found:
                raise SessionError("no %s diagnostic was published for %s"
                                   % (words[1], words[2]))
            diagnostic = found[0]
            self.server.send({"id": int(words[0]),
                              "method": "textDocument/codeAction", "params": {
                                  "textDocument": {"uri": uri},
                                  "range": diagnostic["range"],
                                  "context": {"diagnostics": [diagnostic]}}})
        elif command == "apply-edit":
            actions = self.responses[int(arg)]["result"]
            if not actions:
                raise SessionError("response %s offers no code action" % arg)
            for uri, edits in actions[0]["edit"]["changes"].items():
                self.change(uri, apply_edits(self.buffers[uri][1], edits))
        elif command == "body":
            body = arg.encode()
            self.server.write(b"Content-Length: %d\r\n\r\n%s" % (len(body), body))
        elif command == "raw":
            self.server.write(arg.encode().decode("unicode_escape").encode())
        elif command == "close-stdin":
            self.server.process.stdin.close()
        elif command == "kill-workers":
            pid = self.server.process.pid
            children = []
            for task in os.listdir("/proc/%d/task" % pid):
                with open("/proc/%d/task/%s/children" % (pid, task)) as f:
                    children += [int(child) for child in f.read().split()]
            for child in children:
                os.kill(child, signal.SIGKILL)
            print("killed %d worker%s"
                  % (len(children), "" if len(children) == 1 else "s"))
        elif command == "expect-response":
            wanted = None if arg == "null" else int(arg)
            message = self.wait_for(lambda m: "method" not in m and
                                    m.get("id") == wanted,
                                    "response " + arg)
            self.responses[wanted] = message
            self.show("response", message)
        elif command == "expect-diagnostics":
            uri = self.uri(arg)
            message = self.wait_for(
                lambda m: m.get("method") == "textDocument/publishDiagnostics"
                and m["params"]["uri"] == uri, "diagnostics of " + arg)
            self.diagnostics[uri] = message["params"]["diagnostics"]
            self.show("diagnostics", message["params"])
        elif command == "expect-exit":
            try:
                status = self.server.process.wait(timeout=self.timeout)
            except subprocess.TimeoutExpired:
                raise SessionError("the server did not exit within %d s"
                                   % self.timeout)
            print("exit %d" % status)
            if status != int(arg):
                raise SessionError("exit status %d, expected %s" % (status, arg))
        else:
            raise SessionError("unknown command '%s'" % command)


def offset(text, position):
    """The index in text of an LSP position (ASCII text: UTF-16 = chars)."""
    lines = text.split("\n")
    return (sum(len(line) + 1 for line in lines[:position["line"]])
            + position["character"])


def apply_edits(text, edits):
    spans = sorted(((offset(text, e["range"]["start"]),
                     offset(text, e["range"]["end"]), e["newText"])
                    for e in edits), reverse=True)
    for start, end, new in spans:
        text = text[:start] + new + text[end:]
    return text


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("script")
    parser.add_argument("--var", action="append", default=[])
    parser.add_argument("--timeout", type=int, default=120)
    argv = sys.argv[1:]
    if "--" not in argv:
        parser.error("the server command follows '--'")
    split = argv.index("--")
    args = parser.parse_args(argv[:split])
    server_command = argv[split + 1:]
    variables = dict(v.split("=", 1) for v in args.var)

    server = Server(server_command)
    session = Session(server, variables, args.timeout)
    try:
        with open(args.script) as script:
            for line in script:
                if not line.startswith("> "):
                    continue
                line = line[2:].rstrip("\n")
                for name, value in variables.items():
                    line = line.replace("@%s@" % name, value)
                command, _, arg = line.partition(" ")
                session.run(command, arg.strip())
    except SessionError as error:
        print("session error: %s" % error)
        sys.stderr.write("lsp_session.py: %s\n" % error)
        server.process.kill()
        return 1
    if server.process.poll() is None:
        server.process.kill()
        server.process.wait()
    return 0


if __name__ == "__main__":
    sys.exit(main())

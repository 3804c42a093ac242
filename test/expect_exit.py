#!/usr/bin/env python3
"""Runs a command and succeeds only if it exits with the given status.

    expect_exit.py STATUS [--stdout FILE] [--stderr FILE] -- COMMAND...

The command's output is passed through (or written to the given files), so a
RUN line can pipe it into FileCheck.
"""
import subprocess
import sys


def main(argv):
    if "--" not in argv:
        sys.exit("usage: expect_exit.py STATUS [--stdout F] [--stderr F] -- COMMAND...")
    split = argv.index("--")
    opts, command = argv[:split], argv[split + 1:]
    expected = int(opts[0])
    files = {}
    i = 1
    while i < len(opts):
        files[opts[i]] = opts[i + 1]
        i += 2
    result = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    for name, data, stream in (("--stdout", result.stdout, sys.stdout),
                               ("--stderr", result.stderr, sys.stderr)):
        if name in files:
            with open(files[name], "wb") as out:
                out.write(data)
        else:
            stream.buffer.write(data)
            stream.flush()
    if result.returncode != expected:
        sys.stderr.write("expect_exit: '%s' exited with %d, expected %d\n"
                         % (" ".join(command), result.returncode, expected))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

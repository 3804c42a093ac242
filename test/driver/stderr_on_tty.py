#!/usr/bin/env python3
"""Runs a command with its stderr on a pseudo-terminal (stdout is left as
is) and prints what the command wrote there, so a test can see what a user
at a terminal sees.

    stderr_on_tty.py COMMAND...
"""
import os
import pty
import subprocess
import sys

leader, follower = pty.openpty()
proc = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL,
                        stderr=follower)
os.close(follower)
chunks = []
while True:
    try:
        chunk = os.read(leader, 4096)
    except OSError:  # the terminal is gone once the command has exited
        break
    if not chunk:
        break
    chunks.append(chunk)
proc.wait()
sys.stdout.write(b"".join(chunks).decode(errors="replace").replace("\r\n", "\n"))

#!/usr/bin/env python3
"""Runs a command in its own process group with TMPDIR=DIR, waits until it
has temporary files there, then interrupts the group as Ctrl-C at a terminal
does, and prints what is left in DIR.

    interrupt.py DIR COMMAND...
"""
import os
import signal
import subprocess
import sys
import time

tmp, command = sys.argv[1], sys.argv[2:]
os.makedirs(tmp, exist_ok=True)
proc = subprocess.Popen(command, env=dict(os.environ, TMPDIR=tmp),
                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                        start_new_session=True)
deadline = time.time() + 60
while not os.listdir(tmp) and time.time() < deadline:
    time.sleep(0.05)
print("temporary files while running:", "yes" if os.listdir(tmp) else "no")
time.sleep(0.5)
os.killpg(proc.pid, signal.SIGINT)
proc.wait(timeout=60)
print("left after Ctrl-C:", sorted(os.listdir(tmp)))

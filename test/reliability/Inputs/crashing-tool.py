#!/usr/bin/env python3
"""Stands in for async-tidy in mutate-detects-crashes.test: given mutant 1 to
4 it fails in one of the ways mutate.py must catch (mutant 3 loops); mutant 6
is slow the way a busy machine makes it (2 s, a fifth of them on the CPU);
mutant 7 loops the first time only (it remembers in the directory
$CRASHING_TOOL_STATE); mutant 8 blocks forever. Otherwise it reports each file
as not compiling, as most mutants do."""
import os
import signal
import sys
import time


def spin(seconds):
    end = time.process_time() + seconds
    while time.process_time() < end:
        pass


files = [a for a in sys.argv[1:] if a.endswith(".cpp")]
for f in files:
    if f.endswith("-m1.cpp"):
        sys.stderr.write("==42==ERROR: AddressSanitizer: heap-buffer-overflow\n")
        sys.exit(1)
    if f.endswith("-m2.cpp"):
        os.kill(os.getpid(), signal.SIGSEGV)
    if f.endswith("-m3.cpp"):
        spin(float("inf"))
    if f.endswith("-m4.cpp"):
        sys.exit(3)
    if f.endswith("-m6.cpp"):
        end = time.monotonic() + 2
        while time.monotonic() < end:
            spin(0.02)
            time.sleep(0.08)
    if f.endswith("-m7.cpp"):
        mark = os.path.join(os.environ["CRASHING_TOOL_STATE"], "m7-ran")
        if not os.path.exists(mark):
            open(mark, "w").close()
            spin(float("inf"))
    if f.endswith("-m8.cpp"):
        time.sleep(3600)
for f in files:
    sys.stderr.write("error: '%s' has compile errors; its analysis is incomplete\n" % f)
sys.exit(2 if files else 0)

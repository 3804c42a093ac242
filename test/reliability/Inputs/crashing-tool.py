#!/usr/bin/env python3
"""Stands in for async-tidy in mutate-detects-crashes.test: it fails in one
of the ways mutate.py must catch when it is given mutant 1, 2, 3 or 4, and
otherwise reports each file as not compiling, as most mutants do."""
import os
import signal
import sys
import time

files = [a for a in sys.argv[1:] if a.endswith(".cpp")]
for f in files:
    if f.endswith("-m1.cpp"):
        sys.stderr.write("==42==ERROR: AddressSanitizer: heap-buffer-overflow\n")
        sys.exit(1)
    if f.endswith("-m2.cpp"):
        os.kill(os.getpid(), signal.SIGSEGV)
    if f.endswith("-m3.cpp"):
        time.sleep(30)
    if f.endswith("-m4.cpp"):
        sys.exit(3)
for f in files:
    sys.stderr.write("error: '%s' has compile errors; its analysis is incomplete\n" % f)
sys.exit(2 if files else 0)

#!/usr/bin/env python3
"""Stands in for clang++ in mutate-detects-crashes.test: a front end that
crashes on every input, as Clang's parser does on some broken code."""
import sys
sys.stderr.write("PLEASE submit a bug report to https://github.com/llvm/"
                 "llvm-project/issues/ and include the crash backtrace.\n"
                 "Stack dump:\n")
sys.exit(1)

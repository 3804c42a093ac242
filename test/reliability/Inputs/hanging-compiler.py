#!/usr/bin/env python3
"""Stands in for clang++ in mutate-detects-crashes.test: a front end that
never finishes, as Clang's own error recovery sometimes does not."""
while True:
    pass

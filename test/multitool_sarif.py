#!/usr/bin/env python3
"""Validates SARIF logs with Microsoft's SARIF Multitool, its GitHub rules
switched on (Inputs/sarif-github-rules.xml); an error or a warning fails.
The Multitool exits 0 whatever it finds, so its own SARIF output is read.

    multitool_sarif.py MULTITOOL LOG...
"""
import json
import os
import subprocess
import sys
import tempfile

RULES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "Inputs",
                     "sarif-github-rules.xml")


def main():
    multitool, logs = sys.argv[1], sys.argv[2:]
    failed = False
    for log in logs:
        with tempfile.TemporaryDirectory() as tmp:
            out = os.path.join(tmp, "validation.sarif")
            run = subprocess.run(
                [multitool, "validate", "--config", RULES, "--rule-kind",
                 "Gh;Sarif", "--level", "Error;Warning", "--output", out,
                 os.path.abspath(log)],
                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
            if run.returncode != 0 or not os.path.exists(out):
                sys.exit("the Multitool failed on %s:\n%s" % (log, run.stdout))
            results = json.load(open(out))["runs"][0].get("results", [])
        for result in results:
            if result.get("level", "warning") in ("error", "warning"):
                failed = True
                message = result["message"]
                print("%s: %s %s: %s" % (
                    log, result.get("level", "warning"), result["ruleId"],
                    message.get("text") or
                    " ".join(message.get("arguments", []))))
    if failed:
        sys.exit(1)
    print("valid")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Validates a SARIF log against the schema subset in Inputs/ and checks that
every result's ruleIndex points at its rule.

    validate_sarif.py SCHEMA LOG
"""
import json
import sys

import jsonschema


def main():
    schema = json.load(open(sys.argv[1]))
    log = json.load(open(sys.argv[2]))
    jsonschema.validate(log, schema)
    for run in log["runs"]:
        rules = run["tool"]["driver"]["rules"]
        for result in run.get("results", []):
            rule = rules[result["ruleIndex"]]
            if rule["id"] != result["ruleId"]:
                sys.exit("ruleIndex %d is %s, not %s"
                         % (result["ruleIndex"], rule["id"], result["ruleId"]))
    print("valid")


if __name__ == "__main__":
    main()

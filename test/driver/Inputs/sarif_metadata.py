#!/usr/bin/env python3
"""Prints the metadata of a SARIF log that GitHub code scanning shows, one
fact a line, for FileCheck: sarif_metadata.py LOG"""
import json
import sys

run = json.load(open(sys.argv[1]))["runs"][0]
driver = run["tool"]["driver"]
print("automationDetails", run["automationDetails"]["id"])
print("fullName", driver["fullName"])
print("informationUri", driver["informationUri"])
for rule in driver["rules"]:
    print("rule", rule["id"], rule["name"], "help",
          rule["help"].get("markdown", "").splitlines()[0],
          "helpUri", rule.get("helpUri"))
print("invocation workingDirectory",
      run["invocations"][0]["workingDirectory"]["uri"])

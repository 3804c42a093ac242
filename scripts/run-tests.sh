#!/usr/bin/env bash
# Runs every lit test and ends with the line "N passed, N failed".
# Usage: scripts/run-tests.sh BUILD_DIR LLVM_VERSION [lit args...]
set -uo pipefail
build_dir=$(cd "$1" && pwd); shift
llvm_version=$1; shift
top=$(cd "$(dirname "$0")/.." && pwd)
# Debian ships lit under build/utils up to LLVM 19 and as bin/lit later.
lit="/usr/lib/llvm-${llvm_version}/build/utils/lit/lit.py"
[ -f "$lit" ] || lit="/usr/lib/llvm-${llvm_version}/bin/lit"
results="$build_dir/test-results.xml"
rm -f "$results"
# The sanitized build (make asan) sits beside the plain one.
python3 "$lit" -sv --param build_dir="$build_dir" --param llvm_version="$llvm_version" \
  --param sanitized_build_dir="$build_dir-asan" --xunit-xml-output="$results" "$@" "$top/test"
status=$?
python3 - "$results" <<'PY'
import sys
import xml.etree.ElementTree as ET
try:
    root = ET.parse(sys.argv[1]).getroot()
except (OSError, ET.ParseError):
    print("0 passed, 1 failed")
    sys.exit(0)
cases = root.iter("testcase")
passed = failed = skipped = 0
for case in cases:
    if case.find("failure") is not None or case.find("error") is not None:
        failed += 1
    elif case.find("skipped") is not None:
        skipped += 1
    else:
        passed += 1
# The last line is always "N passed, N failed" (CI reads it); tests that
# could not run here (UNSUPPORTED) are counted on the line before.
if skipped:
    print("%d unsupported (a tool or library they need is missing)" % skipped)
print("%d passed, %d failed" % (passed, failed))
PY
exit $status

#!/usr/bin/env bash
# `make demo`: export the compile database of examples/ and run async-tidy on
# every file in it, as a CI job would.
set -uo pipefail
build_dir=$1
llvm_version=$2
top=$(cd "$(dirname "$0")/.." && pwd)
examples_build="$build_dir/examples"

cmake -S "$top/examples" -B "$examples_build" -G Ninja \
  -DCMAKE_CXX_COMPILER="clang++-${llvm_version}" >/dev/null || exit 2

echo "== async-tidy -p $examples_build (every file in its compile_commands.json)"
"$build_dir/bin/async-tidy" -p "$examples_build"
status=$?
echo
case $status in
  0) echo "async-tidy exited with 0: no findings." ;;
  1) echo "async-tidy exited with 1: findings (a CI job fails on this status; the demo does not)." ;;
  *) echo "async-tidy exited with $status: a tool or usage error."; exit "$status" ;;
esac
exit 0

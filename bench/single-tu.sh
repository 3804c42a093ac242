#!/usr/bin/env bash
# `make bench`: export the examples' compile database, then time one TU at a
# time (bench/single_tu.py).
set -euo pipefail
build_dir=$1
llvm_version=$2
top=$(cd "$(dirname "$0")/.." && pwd)
cmake -S "$top/examples" -B "$build_dir/examples" -G Ninja \
  -DCMAKE_CXX_COMPILER="clang++-${llvm_version}" >/dev/null
python3 "$top/bench/single_tu.py" "$build_dir" "$llvm_version" "${@:3}"

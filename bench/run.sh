#!/usr/bin/env bash
# `make bench`: export the examples' compile database, then run the whole
# benchmark (bench/bench.py) with the build's async-tidy. QUICK=1 runs every
# section once on smaller inputs: a check of the harness, not figures.
set -euo pipefail
build_dir=$(cd "$1" && pwd)
llvm_version=$2
top=$(cd "$(dirname "$0")/.." && pwd)
cmake -S "$top/examples" -B "$build_dir/examples" -G Ninja \
  -DCMAKE_CXX_COMPILER="clang++-${llvm_version}" >/dev/null
quick=()
if [ -n "${QUICK:-}" ]; then
  quick=(--repeat 1 --stock-repeat 1 --profile-repeat 1 --check-repeat 1 --project-repeat 1 --units 2,4,8 --tus 10,20)
fi
python3 "$top/bench/bench.py" --async-tidy "$build_dir/bin/async-tidy" \
  --clang-tidy "/usr/lib/llvm-${llvm_version}/bin/clang-tidy" \
  --examples-db "$build_dir/examples" --out "$top/bench/results" \
  "${quick[@]}" "${@:3}"

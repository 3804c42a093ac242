#!/usr/bin/env bash
# `make bench`: export the examples' compile database, then run the whole
# benchmark (bench/bench.py) with the build's async-tidy, then the editor's
# latency (bench/lsp_latency.py) on the largest example and on a generated
# 16-group Asio/cpprest TU. QUICK=1 runs every section once on smaller
# inputs: a check of the harness, not figures.
set -euo pipefail
build_dir=$(cd "$1" && pwd)
llvm_version=$2
top=$(cd "$(dirname "$0")/.." && pwd)
cmake -S "$top/examples" -B "$build_dir/examples" -G Ninja \
  -DCMAKE_CXX_COMPILER="clang++-${llvm_version}" >/dev/null
quick=()
editor_runs=3
editor_units=16
if [ -n "${QUICK:-}" ]; then
  quick=(--repeat 1 --stock-repeat 1 --profile-repeat 1 --check-repeat 1 --project-repeat 1 --units 2,4,8 --tus 10,20)
  editor_runs=1
  editor_units=2
fi
python3 "$top/bench/bench.py" --async-tidy "$build_dir/bin/async-tidy" \
  --clang-tidy "/usr/lib/llvm-${llvm_version}/bin/clang-tidy" \
  --examples-db "$build_dir/examples" --out "$top/bench/results" \
  "${quick[@]}" "${@:3}"

# The editor: edits against the compiler's parse of the same file.
editor_dir="$build_dir/bench-editor"
rm -rf "$editor_dir"
python3 "$top/bench/corpus.py" single --units "$editor_units" "$editor_dir" >/dev/null
editor_out="$top/bench/results/editor.txt"
{
  echo "editor latency, $(date -u '+%Y-%m-%d %H:%M UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
  python3 "$top/bench/lsp_latency.py" "$build_dir" "$llvm_version" \
    --runs "$editor_runs" --checks='-*,async-*' --edit-goal 0.3
  python3 "$top/bench/lsp_latency.py" "$build_dir" "$llvm_version" \
    "$editor_dir/tu-$editor_units.cpp" --db "$editor_dir" \
    --runs "$editor_runs" --checks='-*,async-*' --edit-goal 0.3
} 2>/dev/null | tee "$editor_out"

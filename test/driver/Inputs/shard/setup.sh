# Usage: setup.sh DIR INPUTS: a five-file project in DIR whose a/one.cpp and
# b/two.cpp both include a header with a finding (the fix tests' files), with
# its compile_commands.json.
set -e
dir=$1
inputs=$2
here=$(dirname "$0")
rm -rf "$dir"
mkdir -p "$dir/a" "$dir/b" "$dir/c" "$dir/d" "$dir/e" "$dir/include"
printf "Checks: '-*'\nHeaderFilterRegex: '.*'\n" > "$dir/.clang-tidy"
cp "$here/../fixes/shared.h" "$dir/include/shared.h"
cp "$here/../fixes/one.cpp" "$dir/a/one.cpp"
cp "$here/../fixes/two.cpp" "$dir/b/two.cpp"
cp "$here/../task.h" "$dir/c/task.h"
cp "$here/../finding.cpp" "$dir/c/server.cpp"
cp "$here/../clean.cpp" "$dir/d/main.cpp"
cp "$here/../task.h" "$dir/e/task.h"
cp "$here/../finding.cpp" "$dir/e/other.cpp"
sed -e "s|@DIR@|$dir|g" -e "s|@INPUTS@|$inputs|g" \
  "$here/compile_commands.json.in" > "$dir/compile_commands.json"

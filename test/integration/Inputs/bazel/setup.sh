# Usage: setup.sh DIR ASYNC_TIDY TOOLS INPUTS: a Bazel workspace in DIR/ws
# (two cc_library targets, one clean, and a cc_binary) whose WORKSPACE
# brings in the aspect of TOOLS (tools/bazel) and the async-tidy at
# ASYNC_TIDY; net/server.cc is the driver tests' finding.cpp.
set -e
dir=$1
here=$(dirname "$0")
rm -rf "$dir"
mkdir -p "$dir"
cp -R "$here/workspace" "$dir/ws"
cp "$4/finding.cpp" "$dir/ws/net/server.cc"
cp "$4/task.h" "$dir/ws/net/task.h"
sed -e "s|@TOOLS@|$3|" -e "s|@ASYNC_TIDY@|$2|" \
  "$dir/ws/WORKSPACE.in" > "$dir/ws/WORKSPACE"

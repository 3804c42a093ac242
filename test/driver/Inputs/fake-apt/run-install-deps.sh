#!/usr/bin/env bash
# Runs scripts/install-deps.sh with the stand-ins of this folder first on
# PATH. Usage: run-install-deps.sh LOG TOOLS_DIR INSTALLED ASIO_OWNER [HARM]
# (INSTALLED: a file listing the installed packages; see dpkg-query and
# apt-get here for the rest).
here=$(cd "$(dirname "$0")" && pwd)
export FAKE_LOG=$1 ASYNC_TIDY_TOOLS_DIR=$2 FAKE_INSTALLED="$(cat "$3")"
export FAKE_ASIO_OWNER=$4 FAKE_HARM=${5:-}
PATH="$here:$PATH" exec bash "$here/../../../../scripts/install-deps.sh"

#!/usr/bin/env bash
# Installs what async-tidy needs to build and test, from Debian's packages
# (and, for test tooling only, the SARIF Multitool from npm).
#
# A linter's set-up must leave the developer's machine as it was: it installs
# only what is missing, never removes or downgrades a package (every apt
# install is simulated first), and takes the Boost headers already installed
# (Debian's libboost1.74-dev, 1.81, 1.83 ... all work). What it cannot
# install is named, and the tests that need it report UNSUPPORTED.
# Idempotent: nothing is fetched when everything is there.
set -euo pipefail

LLVM_VERSION="${LLVM_VERSION:-19}"
top=$(cd "$(dirname "$0")/.." && pwd)
# The SARIF Multitool (test/driver/sarif-github.test) goes here, not into
# the system.
TOOLS_DIR="${ASYNC_TIDY_TOOLS_DIR:-$top/build-tools}"
MULTITOOL_VERSION=5.7.0

packages=(
  # toolchain and build
  "clang-${LLVM_VERSION}" "clang-tidy-${LLVM_VERSION}" "libclang-${LLVM_VERSION}-dev"
  "llvm-${LLVM_VERSION}-dev" "llvm-${LLVM_VERSION}-tools" cmake ninja-build ccache make
  # AddressSanitizer and UBSan runtimes for the sanitized build (make asan)
  "libclang-rt-${LLVM_VERSION}-dev"
  python3 python3-jsonschema
  # real libraries for test/integration/ and examples/ (Boost: see below)
  libcpprest-dev
  # C libraries whose CPU-heavy calls test/integration/long-running-on-pool.cpp
  # uses (libcrypt's crypt, zlib's compress2, OpenSSL's PBKDF2)
  libcrypt-dev zlib1g-dev libssl-dev
  # Seastar's dependencies for the bench/field/seastar extract (headers:
  # fmt 9, yaml-cpp for io_tester, valgrind.h for thread_test)
  libfmt-dev libyaml-cpp-dev valgrind
  # Abseil: locks no table names, inferred on real headers
  # (test/integration/absl-inferred-locks.cpp)
  libabsl-dev
  # Qt 6 headers (QtCore, QtConcurrent, QtWidgets) for test/integration/qt-*
  qt6-base-dev
  # real editor clients for test/lsp/neovim.test and test/lsp/emacs.test
  neovim emacs-nox elpa-eglot
  # Bazel, for the aspect of tools/bazel/ (test/integration/bazel.test)
  bazel-bootstrap
  # make bench: the time vs TU size plot (PNG and SVG)
  gnuplot-nox
  # npm, to install the SARIF Multitool into $TOOLS_DIR
  npm
)

installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

# Any installed libboost*-dev that ships Boost.Asio will do; only without one
# is Debian's default libboost-dev wanted.
if ! dpkg-query -S /usr/include/boost/asio.hpp >/dev/null 2>&1; then
  packages+=(libboost-dev)
fi

missing=()
for p in "${packages[@]}"; do
  # npm may come with a nodejs that is not Debian's.
  if [ "$p" = npm ] && command -v npm >/dev/null 2>&1; then
    continue
  fi
  installed "$p" || missing+=("$p")
done

SUDO=""
if [ "$(id -u)" != 0 ]; then
  SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive

# What installing "$@" would do to the machine besides adding packages, one
# line each, from a simulation; a simulation that fails says why.
harm() {
  local plan
  if ! plan=$(apt-get -s install --no-install-recommends "$@" 2>&1); then
    echo "apt cannot install it ($(echo "$plan" | grep '^E:' | head -1))"
    return
  fi
  echo "$plan" | awk '
    /^Remv / { print "apt would remove " $2; next }
    /^Inst [^ ]+ \[[^]]+\] \(/ {
      old = $3; gsub(/[][]/, "", old); new = $4; sub(/^\(/, "", new)
      if (system("dpkg --compare-versions " new " lt " old) == 0)
        print "apt would downgrade " $2 " to " new
    }'
}

if [ ${#missing[@]} -gt 0 ]; then
  # A fresh machine has no package lists; an update is needed before the
  # first install (and the first simulation).
  $SUDO apt-get update -qq >&2
  safe=()
  skipped=()
  if [ -z "$(harm "${missing[@]}")" ]; then
    safe=("${missing[@]}")
  else
    # Some package conflicts with what is installed: take the others.
    for p in "${missing[@]}"; do
      removed=$(harm "$p" | paste -sd';' - | sed 's/;/; /g')
      if [ -z "$removed" ]; then
        safe+=("$p")
      else
        skipped+=("$p")
        echo "install-deps: not installing $p: $removed" >&2
      fi
    done
  fi
  if [ ${#safe[@]} -gt 0 ]; then
    echo "install-deps: installing ${safe[*]}" >&2
    $SUDO apt-get install -y -qq --no-install-recommends "${safe[@]}" >&2
  fi
  if [ ${#skipped[@]} -gt 0 ]; then
    echo "install-deps: missing ${skipped[*]}; install them yourself if you" \
      "can, else the tests that need them report UNSUPPORTED" >&2
  fi
fi

# The SARIF Multitool validates the SARIF the tests write, with GitHub's
# rules. npm install scripts may be off, so the binary is made executable
# here.
multitool="$TOOLS_DIR/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"
if [ ! -x "$multitool" ]; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "install-deps: no npm: the SARIF Multitool test reports UNSUPPORTED" >&2
  elif mkdir -p "$TOOLS_DIR" &&
    npm install --prefix "$TOOLS_DIR" --no-audit --no-fund --loglevel=error \
      "@microsoft/sarif-multitool@$MULTITOOL_VERSION" >&2 &&
    chmod u+x "$multitool"; then
    echo "install-deps: installed the SARIF Multitool in $TOOLS_DIR" >&2
  else
    echo "install-deps: could not install the SARIF Multitool from npm:" \
      "its test reports UNSUPPORTED" >&2
  fi
fi

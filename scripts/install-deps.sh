#!/usr/bin/env bash
# Installs what async-tidy needs to build and test, from Debian's packages only.
# Idempotent: packages already present are not touched, and nothing is fetched
# when everything is installed.
set -euo pipefail

LLVM_VERSION="${LLVM_VERSION:-19}"

packages=(
  # toolchain and build
  "clang-${LLVM_VERSION}" "clang-tidy-${LLVM_VERSION}" "libclang-${LLVM_VERSION}-dev"
  "llvm-${LLVM_VERSION}-dev" "llvm-${LLVM_VERSION}-tools" cmake ninja-build ccache make
  # AddressSanitizer and UBSan runtimes for the sanitized build (make asan)
  "libclang-rt-${LLVM_VERSION}-dev"
  python3 python3-jsonschema
  # real libraries for test/integration/ and examples/
  libboost-dev libcpprest-dev
  # a real editor client for test/lsp/neovim.test
  neovim
  # make bench: the time vs TU size plot (PNG and SVG)
  gnuplot-nox
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "install-deps: installing ${missing[*]}" >&2
SUDO=""
if [ "$(id -u)" != 0 ]; then
  SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
# A fresh machine has no package lists; an update is needed before the first install.
$SUDO apt-get update -qq >&2
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2

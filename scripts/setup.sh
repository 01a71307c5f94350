#!/usr/bin/env bash
# One command for a fresh Debian 12 machine (see README.md):
#   bash scripts/setup.sh build   install dependencies, build, and build the bundled site into output/
#   bash scripts/setup.sh test    install dependencies, build with ASan/UBSan, and run every test
set -euo pipefail
cd "$(dirname "$0")/.."

case "${1:-}" in
  build)
    bash scripts/install-deps.sh
    cmake --preset release >/dev/null
    cmake --build --preset release --target metodika   # the compiler only: no test binaries
    ./build/metodika build .
    ;;
  test)
    bash scripts/install-deps.sh --test
    cmake --preset debug >/dev/null
    cmake --build --preset debug
    ctest --preset debug
    ;;
  *)
    echo "usage: bash scripts/setup.sh build|test" >&2
    exit 2
    ;;
esac

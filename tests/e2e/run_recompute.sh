#!/usr/bin/env bash
# The figures of whole sites recomputed independently of the compiler (tests/e2e/recompute.py):
# builds tests/sites/valid/kurzeme-json and the bundled site (SOURCE_DIR) and checks that the
# open data, the review (PDF text and HTML) and the workbook agree with a Python computation
# from DATA-MODEL.md, each in its period.
#
#   run_recompute.sh METODIKA SOURCE_DIR
set -u -o pipefail

if [[ $# -ne 2 ]]; then
  echo "usage: $0 METODIKA SOURCE_DIR" >&2
  exit 2
fi
METODIKA=$(realpath "$1")
SRC=$(realpath "$2")
WORK=$(mktemp -d "${TMPDIR:-/tmp}/metodika-recompute.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

# A python3 with openpyxl and PyYAML: the one on PATH, else Debian's (python3-openpyxl).
PY=""
for p in python3 /usr/bin/python3; do
  if command -v "$p" >/dev/null && "$p" -c 'import openpyxl, yaml' 2>/dev/null; then PY=$p; break; fi
done
if [[ -z $PY ]]; then
  echo "FAIL  python3 with openpyxl and PyYAML: run scripts/install-deps.sh --test"
  exit 1
fi

status=0
for site in "$SRC/tests/sites/valid/kurzeme-json" "$SRC"; do
  out=$WORK/$(basename "$site")
  if ! "$METODIKA" build "$site" --out "$out" -q --as-of 2026-11-22 2>"$WORK/stderr"; then
    echo "FAIL  build $site"
    cat "$WORK/stderr"
    status=1
    continue
  fi
  "$PY" "$SRC/tests/e2e/recompute.py" "$site" "$out" || status=1
done
exit $status

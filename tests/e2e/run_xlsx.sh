#!/usr/bin/env bash
# End-to-end test of the Excel annexes (issue 6) on whole sites.
#
#   run_xlsx.sh METODIKA SOURCE_DIR
#
# Builds tests/sites/valid/kurzeme-json and the bundled site (SOURCE_DIR) twice each and checks:
#   - the annexes are byte-identical between the two builds (creation time from as_of);
#   - LibreOffice (headless, a private profile set to recalculate every file on load) really
#     recalculates: a workbook whose cached total was tampered with comes back corrected;
#   - tests/e2e/check_xlsx.py on every workbook: openpyxl finds formulas where the totals are,
#     budgets equal an independent sum of the data, LibreOffice's recalculation changes no value,
#     the bundled Ventspils budget is 64 400, 72 174, 72 174 and 208 748 EUR, and no name or id
#     from data/private/ is in any part of any file.
# A missing tool (LibreOffice, python3 with openpyxl and PyYAML) is a failure, not a skip:
# scripts/install-deps.sh --test installs them.
set -u -o pipefail

if [[ $# -ne 2 ]]; then
  echo "usage: $0 METODIKA SOURCE_DIR" >&2
  exit 2
fi
METODIKA=$(realpath "$1")
SRC=$(realpath "$2")
AS_OF=2026-11-22
WORK=$(mktemp -d "${TMPDIR:-/tmp}/metodika-xlsx.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

n_pass=0 n_fail=0
pass() { echo "PASS  $1"; n_pass=$((n_pass + 1)); }
fail() { echo "FAIL  $1"; [[ $# -gt 1 ]] && echo "        $2"; n_fail=$((n_fail + 1)); }
finish() {
  echo "xlsx: $n_pass passed, $n_fail failed"
  [[ $n_fail -eq 0 ]]
  exit $?
}

# A python3 with openpyxl and PyYAML: the one on PATH, else Debian's (python3-openpyxl).
PY=""
for p in python3 /usr/bin/python3; do
  if command -v "$p" >/dev/null && "$p" -c 'import openpyxl, yaml' 2>/dev/null; then PY=$p; break; fi
done
[[ -n $PY ]] && pass "python3 with openpyxl and PyYAML ($PY)" ||
  fail "python3 with openpyxl and PyYAML" "run scripts/install-deps.sh --test"
SOFFICE=$(command -v soffice || command -v libreoffice || true)
[[ -n $SOFFICE ]] && pass "LibreOffice ($SOFFICE)" ||
  fail "LibreOffice" "run scripts/install-deps.sh --test (libreoffice-calc-nogui)"
[[ -n $PY && -n $SOFFICE ]] || finish

# A private LibreOffice profile that recalculates every OOXML file on load (its default is to
# trust the cached values, which would make the comparison below vacuous).
PROFILE=$WORK/lo-profile
mkdir -p "$PROFILE/user"
cat >"$PROFILE/user/registrymodifications.xcu" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
EOF

# recalc OUT_DIR FILES...: LibreOffice opens, recalculates and saves each file into OUT_DIR.
recalc() {
  local dir=$1
  shift
  mkdir -p "$dir"
  HOME=$WORK timeout 300 "$SOFFICE" -env:UserInstallation="file://$PROFILE" --headless --norestore \
    --convert-to xlsx --outdir "$dir" "$@" >"$WORK/soffice.log" 2>&1
}

# build SITE OUT: builds a site quietly; its stderr is kept in OUT.log.
build() {
  "$METODIKA" build "$1" --out "$2" --as-of "$AS_OF" --quiet 2>"$2.log"
}

check_site() {
  local name=$1 site=$2
  shift 2
  local out=$WORK/$name/out1 out2=$WORK/$name/out2
  mkdir -p "$WORK/$name"
  if ! build "$site" "$out" || ! build "$site" "$out2"; then
    fail "$name: builds" "$(head -20 "$out.log" "$out2.log")"
    return
  fi
  local files=("$out"/parskati/*.xlsx)
  if [[ ! -f ${files[0]} ]]; then
    fail "$name: annexes written" "no parskati/*.xlsx"
    return
  fi
  local differ=()
  for f in "${files[@]}"; do
    cmp -s "$f" "$out2/parskati/$(basename "$f")" || differ+=("$(basename "$f")")
  done
  [[ ${#differ[@]} -eq 0 ]] && pass "$name: ${#files[@]} annexes byte-identical between builds" ||
    fail "$name: annexes byte-identical between builds" "differ: ${differ[*]}"

  if ! recalc "$WORK/$name/recalc" "${files[@]}"; then
    fail "$name: LibreOffice recalculates the annexes" "$(tail -5 "$WORK/soffice.log")"
    return
  fi
  "$PY" "$SRC/tests/e2e/check_xlsx.py" "$site" "$out" "$WORK/$name/recalc" "$@" | sed "s/^/[$name] /"
  local rc=${PIPESTATUS[0]}
  [[ $rc -eq 0 ]] && pass "$name: check_xlsx.py" || fail "$name: check_xlsx.py (see above)"
}

# The harness itself: a cached total that is wrong must come back recalculated.
self_test() {
  local out=$1 tampered=$WORK/tampered
  mkdir -p "$tampered"
  "$PY" - "$out" "$tampered/t.xlsx" <<'EOF'
import re, sys, zipfile
src, dst = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
    for item in zin.infolist():
        data = zin.read(item.filename)
        if item.filename == "xl/worksheets/sheet1.xml":
            data, n = re.subn(rb"(<f>[^<]*</f><v>)[^<]*(</v>)", rb"\g<1>987654321\g<2>", data, count=1)
            assert n == 1, "no formula to tamper with"
        zout.writestr(item, data)
EOF
  recalc "$tampered/recalc" "$tampered/t.xlsx" &&
    "$PY" - "$tampered/t.xlsx" "$tampered/recalc/t.xlsx" <<'EOF'
import sys, openpyxl
before = openpyxl.load_workbook(sys.argv[1], data_only=True).worksheets[0]
after = openpyxl.load_workbook(sys.argv[2], data_only=True).worksheets[0]
cells = [c.coordinate for row in before.iter_rows() for c in row if c.value == 987654321]
assert cells, "tampered value not found"
assert all(after[c].value != 987654321 for c in cells), "LibreOffice kept the cached value"
EOF
  [[ $? -eq 0 ]] && pass "LibreOffice recalculates on load (a tampered cached total is corrected)" ||
    fail "LibreOffice recalculates on load" "the comparison of cached and recalculated values would prove nothing"
}

check_site kurzeme-json "$SRC/tests/sites/valid/kurzeme-json"
check_site bundled "$SRC" --budget ventspils=64400,72174,72174,208748
first=$(ls "$WORK"/bundled/out1/parskati/ventspils-*.xlsx 2>/dev/null | head -1)
[[ -n $first ]] && self_test "$first" || fail "self-test: no Ventspils annex to tamper with"
finish

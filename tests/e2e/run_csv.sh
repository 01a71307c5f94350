#!/usr/bin/env bash
# End-to-end tests of CSV tables as data files (issue 23).
#
#   run_csv.sh METODIKA SOURCE_DIR [--no-workbook]
#
# 1. tests/sites/valid/kurzeme-json converted by tests/e2e/csv_site.py to a mix of CSV (as a
#    Latvian spreadsheet saves it: BOM, ";", CRLF, decimal commas, grouped thousands, 31.08.2025.
#    dates), JSON and YAML; again wholly to CSV in a program's style (",", ISO dates, a plain
#    text in its own column beside a translated one's columns); and the
#    bundled site wholly to Latvian CSV. Each builds output byte-identical to the original's,
#    once the names of the converted files are put back in the one page that lists the data files
#    (/par-datiem/).
# 2. Incremental builds: after edits of CSV cells (a teacher's course hours, a school's name, an
#    exam score) the rebuilt output equals a clean -j1 build of the edited site; an unchanged site
#    rewrites nothing.
# 3. Privacy: no id or name of the private teacher tables appears in any output file.
# 4. The example tables of docs/data-model.md section 17 build as a site.
# 5. A workbook: teacher records and metric records written as .xlsx by openpyxl with number and
#    date formats, saved as CSV by LibreOffice (`soffice --headless --convert-to csv`, Latvian
#    locale, ";"), build the same output as the YAML they came from.
# A missing tool (python3 with PyYAML and openpyxl, LibreOffice) is a failure, not a skip:
# scripts/install-deps.sh --test installs them.
set -u -o pipefail
export LC_ALL=C.UTF-8

if [[ $# -lt 2 ]]; then
  echo "usage: $0 METODIKA SOURCE_DIR [--no-workbook]" >&2
  exit 2
fi
METODIKA=$(realpath "$1")
SRC=$(realpath "$2")
WORKBOOK=1
[[ ${3:-} == --no-workbook ]] && WORKBOOK=0
HERE=$SRC/tests/e2e
AS_OF=2026-11-22
WORK=$(mktemp -d "${TMPDIR:-/tmp}/metodika-csv.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

n_pass=0 n_fail=0
FAILED=()
pass() { echo "PASS  $1"; n_pass=$((n_pass + 1)); }
fail() {
  echo "FAIL  $1"
  shift
  local l
  for l in "$@"; do echo "        $l"; done
  n_fail=$((n_fail + 1))
}

PY=""
for p in python3 /usr/bin/python3; do
  if command -v "$p" >/dev/null && "$p" -c 'import yaml, openpyxl' 2>/dev/null; then PY=$p; break; fi
done
if [[ -z $PY ]]; then
  fail "python3 with PyYAML and openpyxl" "run scripts/install-deps.sh --test"
  echo "csv: $n_pass passed, $n_fail failed"
  exit 1
fi

# build SITE OUT [ARGS...]: a build that must succeed without errors; stderr in OUT.err.
build() {
  local site=$1 out=$2
  shift 2
  "$METODIKA" build "$site" --out "$out" --as-of "$AS_OF" "$@" >"$out.log" 2>"$out.err"
  local rc=$?
  if [[ $rc -ne 0 ]] || grep -q ': error: ' "$out.err"; then
    echo "exit $rc; $(grep -m 3 ': error: ' "$out.err" | tr '\n' ' ')"
    return 1
  fi
}

# same_output A B MAP: A and B hold the same files with the same bytes, once the new names in
# MAP ("new<TAB>old" lines) are replaced by the old ones in B's pages that list the data files.
same_output() {
  local a=$1 map=$3 f
  local b=$WORK/compared  # a copy: B stays as built, for the incremental builds into it
  rm -rf "$b"
  cp -R "$2" "$b"
  while IFS= read -r -d '' f; do
    local new old
    while IFS=$'\t' read -r new old; do
      sed -i "s|<code>$new</code>|<code>$old</code>|g" "$f"
    done <"$map"
  done < <(find "$b" -path '*par-datiem/index.html' -print0)
  diff -rq "$a" "$b" >"$WORK/diff" 2>&1
}

# the site folder of SOURCE_DIR (the bundled site) without the repository around it
bundled_site() {
  local dest=$1
  mkdir -p "$dest"
  local p
  for p in site.yaml data content templates themes static; do
    [[ -e $SRC/$p ]] && cp -R "$SRC/$p" "$dest/"
  done
  rm -rf "$dest/data/private/.metodika-cache"
}

# convert NAME SITE ARGS...: converts SITE into $WORK/NAME/site with csv_site.py, builds both
# and compares.
convert_and_compare() {
  local name=$1 site=$2
  shift 2
  local dir=$WORK/$name
  mkdir -p "$dir"
  if ! "$PY" "$HERE/csv_site.py" "$site" "$dir/site" --map "$dir/map.txt" "$@" 2>"$dir/convert.err"; then
    fail "$name" "csv_site.py failed: $(tail -3 "$dir/convert.err")"
    return
  fi
  local why
  if ! why=$(build "$site" "$dir/original" --quiet); then fail "$name" "the original: $why"; return; fi
  if ! why=$(build "$dir/site" "$dir/out" --quiet); then fail "$name" "the CSV site: $why"; return; fi
  local n
  n=$(grep -c . "$dir/map.txt")
  if same_output "$dir/original" "$dir/out" "$dir/map.txt"; then
    pass "$name ($n tables, $(find "$dir/out" -type f | wc -l) output files identical)"
  else
    fail "$name" "the output differs:" "$(head -5 "$WORK/diff")"
  fi
}

KURZEME=$SRC/tests/sites/valid/kurzeme-json
# A mix: some files stay JSON or YAML beside the tables.
convert_and_compare kurzeme-mixed "$KURZEME" \
  --keep 'data/subjects.json,data/schools/talsu-novads.yaml,data/metrics/liepaja.json,data/events/national.json'
convert_and_compare kurzeme-plain "$KURZEME" --style plain --text-columns union
bundled_site "$WORK/bundled-src"
convert_and_compare bundled-latvian "$WORK/bundled-src"

# --- incremental builds of a CSV site
inc=$WORK/bundled-latvian
if [[ -d $inc/out ]]; then
  site=$inc/site
  why=""
  # An unchanged site: nothing rewritten.
  "$METODIKA" build "$site" --out "$inc/out" --as-of "$AS_OF" >"$inc/again.log" 2>&1 || why="exit $?"
  grep -q 'updated 0 of' "$inc/again.log" || why="$why; not 'updated 0 of': $(tail -1 "$inc/again.log")"
  [[ -z $why ]] && pass "incremental: an unchanged CSV site rewrites nothing" ||
    fail "incremental: an unchanged CSV site rewrites nothing" "$why"
  # Edits of cells in three tables (the private one too); then a clean -j1 build to compare.
  teacher=$(find "$site/data/private/teachers" -name '*.csv' | sort | head -1)
  school=$(find "$site/data/schools" -name '*.csv' | sort | head -1)
  metric=$(find "$site/data/metrics" -name '*.csv' | sort | head -1)
  "$PY" - "$teacher" "$school" "$metric" <<'EOF'
import sys
def edit(path, column, value):
    with open(path, encoding="utf-8-sig", newline="") as f:
        lines = f.read().split("\r\n")
    header = lines[0].split(";")
    cells = lines[1].split(";")
    cells[header.index(column if column in header else column + ".lv")] = value
    lines[1] = ";".join(cells)
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        f.write("\r\n".join(lines))
edit(sys.argv[1], "courses.hours", "99,5")
edit(sys.argv[2], "name", "Pārdēvēta skola")
edit(sys.argv[3], "ce.mathematics", "12,5")
EOF
  if ! why=$(build "$site" "$inc/out"); then
    fail "incremental: CSV edits" "$why"
  elif ! why=$(build "$site" "$inc/clean" --jobs 1 --quiet); then
    fail "incremental: CSV edits" "the clean build: $why"
  elif diff -rq "$inc/out" "$inc/clean" >"$WORK/diff"; then
    pass "incremental: edits of CSV cells rebuild what a clean build writes ($(tail -1 "$inc/out.err" | grep -o 'updated [0-9]* of [0-9]* files'))"
  else
    fail "incremental: CSV edits" "differs from a clean build:" "$(head -5 "$WORK/diff")"
  fi
  # Privacy: the ids and names of the teacher tables appear in no output file.
  found=()
  n=0
  while IFS= read -r v; do
    n=$((n + 1))
    grep -rqF -- "$v" "$inc/out" && found+=("$v")
  done < <("$PY" - "$site/data/private/teachers" <<'EOF'
import csv, os, sys
values = set()
for name in os.listdir(sys.argv[1]):
    with open(os.path.join(sys.argv[1], name), encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f, delimiter=";"):
            values.update(v for k, v in row.items() if k in ("id", "name") and len(v) > 2)
print("\n".join(sorted(values)))
EOF
)
  if [[ $n -lt 10 ]]; then
    fail "privacy of the teacher tables" "found only $n ids and names to look for"
  elif [[ ${#found[@]} -gt 0 ]]; then
    fail "privacy of the teacher tables" "in the output: ${found[*]:0:5}"
  else
    pass "privacy of the teacher tables ($n ids and names in none of the output files)"
  fi
fi

# --- the example tables of docs/data-model.md section 17 build as a site
ex=$WORK/examples
"$METODIKA" new "$ex/site" >/dev/null 2>&1
rm -rf "$ex/site/data"
"$PY" - "$SRC/docs/data-model.md" "$ex/site" <<'EOF'
import os, re, sys
text = open(sys.argv[1], encoding="utf-8").read()
section = text[text.index("## 17. CSV tables"):]
block = section[section.index("```\n") + 4:]
block = block[:block.index("```")]
files, current = {}, None
for line in block.split("\n"):
    m = re.match(r"^(data/\S+\.csv)", line)
    if m:
        current = m.group(1)
        files[current] = []
    elif line.strip():
        files[current].append(line)
# What the examples refer to beyond themselves.
files["data/subjects.csv"] += ["physics;Fizika;Physics;science", "chemistry;Ķīmija;Chemistry;science"]
files["data/schools/ventspils.csv"].append("ventspils-4-vidusskola;Ventspils 4. vidusskola;ventspils;secondary;;;;;;;")
for rel, lines in files.items():
    path = os.path.join(sys.argv[2], rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
EOF
if why=$(build "$ex/site" "$ex/out"); then
  pass "the example tables of docs/data-model.md build"
else
  fail "the example tables of docs/data-model.md build" "$why"
fi

# --- a workbook saved as CSV by LibreOffice
if [[ $WORKBOOK -eq 1 ]]; then
  SOFFICE=$(command -v soffice || command -v libreoffice || true)
  if [[ -z $SOFFICE ]]; then
    fail "workbook saved as CSV by LibreOffice" "no soffice: run scripts/install-deps.sh --test"
  else
    wb=$WORK/workbook
    mkdir -p "$wb/sheets"
    cp -R "$KURZEME" "$wb/site"
    "$PY" "$HERE/csv_site.py" --workbook "$wb/sheets" "$wb/site" \
      data/private/teachers/kuldigas-novads.yaml data/metrics/talsu-novads.yml \
      data/programmes/liepaja.yaml >"$wb/make.log" 2>&1
    # A Latvian desktop: decimal commas, grouped thousands, dates as the cells' formats show.
    (cd "$wb/sheets" && LC_ALL=lv_LV.UTF-8 LANG=lv_LV.UTF-8 HOME=$wb \
      "$SOFFICE" --headless -env:UserInstallation="file://$wb/lo-profile" \
      --convert-to 'csv:Text - txt - csv (StarCalc):59,34,76' --outdir "$wb/csv" ./*.xlsx \
      >"$wb/soffice.log" 2>&1)
    why=""
    while IFS=$'\t' read -r sheet rel; do
      if [[ -f $wb/csv/$sheet.csv ]]; then
        rm -f "$wb/site/$rel"
        cp "$wb/csv/$sheet.csv" "$wb/site/${rel%.*}.csv"
        printf '%s\t%s\n' "${rel%.*}.csv" "$rel" >>"$wb/map.txt"
      else
        why="LibreOffice wrote no $sheet.csv: $(tail -2 "$wb/soffice.log")"
      fi
    done <"$wb/sheets/sheets.txt"
    grep -qE "[0-9],[0-9]" "$wb/csv/"*.csv 2>/dev/null || why="$why; no decimal comma in the tables"
    if [[ -n $why ]]; then
      fail "workbook saved as CSV by LibreOffice" "$why"
    elif ! why=$(build "$KURZEME" "$wb/original" --quiet); then
      fail "workbook saved as CSV by LibreOffice" "the original: $why"
    elif ! why=$(build "$wb/site" "$wb/out" --quiet); then
      fail "workbook saved as CSV by LibreOffice" "$why"
    elif same_output "$wb/original" "$wb/out" "$wb/map.txt"; then
      pass "workbook (.xlsx) saved as CSV by LibreOffice builds the same site"
    else
      fail "workbook saved as CSV by LibreOffice" "the output differs:" "$(head -5 "$WORK/diff")"
    fi
  fi
fi

echo "csv: $n_pass passed, $n_fail failed"
[[ $n_fail -eq 0 ]]

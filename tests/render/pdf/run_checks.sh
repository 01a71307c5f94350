#!/usr/bin/env bash
# End-to-end checks of the PDF review: the fixture review through render_pdf_sample (byte-identical
# twice, then check_pdf.py with its golden file), and, given a metodika binary, the reviews of the
# test site kurzeme-json (which has private teacher records that must not appear) and of the
# bundled site. Every review also passes check_pdfua.py, the machine-checkable PDF/UA-1 rules.
#   run_checks.sh SAMPLE_BIN SOURCE_DIR [METODIKA_BIN]
set -euo pipefail
export TZ=UTC  # pdfinfo prints dates in local time
sample=$1
src=$2
metodika=${3:-}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$sample" "$work/a.pdf"
"$sample" "$work/b.pdf"
cmp "$work/a.pdf" "$work/b.pdf" || { echo "the same review gave different bytes" >&2; exit 1; }
python3 "$here/check_pdf.py" "$work/a.pdf" --pages 6-12 \
  --expect "Ventspils valstspilsēta" --expect "Izglītības iestāžu tīkls" \
  --expect "4 812" --expect "78,4%" --expect "20 874 800 EUR" --expect "2024./2025." \
  --expect "ĀČĒĢĪĶĻŅŠŪŽ" --expect "„Zīlīte“" --expect "slēpts: mazāk" \
  --golden "$src/tests/golden/pdf/sample.txt"
python3 "$here/check_pdfua.py" "$work/a.pdf"

if [[ -n "$metodika" ]]; then
  site="$src/tests/sites/valid/kurzeme-json"
  "$metodika" build "$site" --out "$work/site" --quiet
  shopt -s nullglob
  pdfs=("$work/site/parskati/"*.pdf)
  if ((${#pdfs[@]} == 0)); then echo "no reviews under parskati/" >&2; exit 1; fi
  for pdf in "${pdfs[@]}"; do
    python3 "$here/check_pdf.py" "$pdf" --pages 3-200 --private-dir "$site/data/private"
  done
  python3 "$here/check_pdfua.py" "${pdfs[@]}"
  # A programme titled only in English: in the Latvian review its title is a Span with /Lang
  # en wherever the Markdown names it (issue 22), and the rest stays Latvian.
  cp -r "$site" "$work/foreign"
  python3 - "$work/foreign/data/programmes/talsu-novads.json" <<'PY'
import sys
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
old = '{"lv": "Talsu novada pedagogu atbalsta programma 2024.–2026. gadam", "en": "Talsi teacher support programme 2024–2026"}'
assert old in text, "the test site's programme title changed: update run_checks.sh"
open(path, "w", encoding="utf-8").write(text.replace(old, '{"en": "Talsi teacher support programme 2024–2026"}'))
PY
  "$metodika" build "$work/foreign" --out "$work/foreign-out" --quiet --only reports 2>/dev/null
  python3 "$here/check_pdfua.py" "$work/foreign-out/parskati/"talsu-novads-*.pdf \
    --expect-lang "Talsi teacher support programme 2024–2026=en" --expect-lang "Talsu novads=lv"
  # And the checker notices text read in the wrong language.
  if python3 "$here/check_pdfua.py" "$work/foreign-out/parskati/"talsu-novads-*.pdf \
      --expect-lang "Talsu novads=en" 2>/dev/null; then
    echo "check_pdfua.py passed Latvian text expected to be read in English" >&2
    exit 1
  fi
  # The bundled site's reviews: PDF/UA-1 rules on every one.
  "$metodika" build "$src" --out "$work/bundled" --quiet --only reports 2>/dev/null
  bundled=("$work/bundled/parskati/"*.pdf)
  if ((${#bundled[@]} == 0)); then echo "no reviews in the bundled site" >&2; exit 1; fi
  python3 "$here/check_pdfua.py" "${bundled[@]}"
  # And the checker fails what breaks the rules (damaged copies of Rīga's review, which has
  # every kind of element).
  python3 "$here/check_pdfua_selftest.py" "$work/bundled/parskati/"riga-*.pdf
fi
echo "PDF checks passed"

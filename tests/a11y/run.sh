#!/usr/bin/env bash
# Builds the test site and the bundled site, then checks them in Chromium (axe-core, WCAG 2.1
# A/AA) and with html-validate, and measures every page kind at 360 px (layout_check.mjs); then drives `metodika serve` in Chromium while the data is edited
# (serve_browser.mjs). Usage: run.sh METODIKA SOURCE_DIR
set -euo pipefail
metodika=$1
src=$2
here=$src/tests/a11y
source "$here/node.sh"   # sets $node: Node.js 20 from the lock file (node.sh says why)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$metodika" build "$src/tests/sites/valid/kurzeme-json" --out "$work/kurzeme" --as-of 2026-11-22 -q \
  2>/dev/null
"$metodika" build "$src" --out "$work/bundled" -q 2>/dev/null
status=0
echo "== tests/sites/valid/kurzeme-json"
"$node" "$here/check_site.mjs" "$work/kurzeme" / || status=1
echo "== bundled site"
"$node" "$here/check_site.mjs" "$work/bundled" / || status=1
echo "== layout at 360 px (no sideways scroll), one page of every kind"
"$node" "$here/layout_check.mjs" "$work/kurzeme" --min-chart-text 12 --print || status=1
"$node" "$here/layout_check.mjs" "$work/bundled" --min-chart-text 12 --print || status=1
echo "== metodika serve in the browser (live reload, the error dialog)"
"$node" "$here/serve_browser.mjs" "$metodika" "$src" || status=1
exit $status

#!/usr/bin/env bash
# deploy/publish.sh with a local folder as the web server: a good build is uploaded (and a page
# the site no longer has is deleted there); a broken site exits 1 and leaves the destination as
# it was, byte for byte. Usage: publish_script.sh METODIKA SOURCE_DIR
set -euo pipefail
metodika=$1
src=$(cd "$2" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL  $*"; exit 1; }
digest() { (cd "$1" && find . -type f -print0 | sort -z | xargs -0 sha256sum | sha256sum); }

cp -r "$src/tests/sites/valid/kurzeme-json" "$work/site"
mkdir "$work/www"
echo old > "$work/www/gone.html"
METODIKA=$metodika bash "$src/deploy/publish.sh" "$work/site" "$work/www" 2>"$work/log" ||
  { cat "$work/log"; fail "a good site was not published"; }
[[ -f $work/www/index.html && -f $work/www/index.html.gz ]] || fail "no index.html(.gz) uploaded"
[[ ! -e $work/www/gone.html ]] || fail "a page the site does not have was not deleted"
[[ ! -e $work/www/.metodika-output ]] || fail "the build's marker file was uploaded"
before=$(digest "$work/www")

# A wrong date in the data: exit 1, the error at its place, nothing uploaded.
file=$(grep -rlE '"date": "20[0-9]{2}-' "$work/site/data" | head -1)
[[ -n $file ]] || fail "no dated record in the test site to break"
sed -i -E '0,/"date": "20[0-9]{2}-[0-9]{2}-[0-9]{2}"/s//"date": "2025-02-30"/' "$file"
status=0
METODIKA=$metodika bash "$src/deploy/publish.sh" "$work/site" "$work/www" 2>"$work/log" || status=$?
[[ $status -eq 1 ]] || { cat "$work/log"; fail "a broken site exited $status, not 1"; }
grep -q "$(basename "$file"):[0-9]*:[0-9]*: error" "$work/log" || { cat "$work/log"; fail "no file:line:col error"; }
grep -q "nothing was uploaded" "$work/log" || fail "the job did not say nothing was uploaded"
[[ $(digest "$work/www") == "$before" ]] || fail "the destination changed after a failed build"
echo "publish.sh: a good build uploaded, a broken one left the destination as it was"

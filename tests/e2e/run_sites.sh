#!/usr/bin/env bash
# End-to-end tests of the `metodika` binary on whole site folders.
#
#   run_sites.sh METODIKA SOURCE_DIR [sites|bundled|all]
#
# sites    the unseen valid site tests/sites/valid/kurzeme-json (build, determinism, check, CLI
#          usage errors, `new`, privacy) and every broken variant under tests/sites/invalid/
# bundled  the bundled default site (SOURCE_DIR itself): builds, and leaks nothing private
#
# A broken variant is tests/sites/invalid/<case>/ holding
#   patch/         files laid over a copy of the valid site (same relative path replaces the
#                  base file; <path>.delete deletes it)
#   setup.sh       (optional) run by bash in the copy after the patch, for what git cannot hold
#                  or should not: symbolic links, named pipes, huge or generated files. It may
#                  write beside the copy (../outside/) but nowhere else.
#   expected.txt   lines that must each appear, whole, in stderr; usually the first line of a
#                  diagnostic, `path:line:col: error: message`. Blank lines and lines starting
#                  with '#' are comments. `re:REGEX` matches a whole line by extended regex;
#                  a leading `!` (`!text`, `!re:REGEX`) means the line must NOT appear.
#                  `{SITE}` stands for the site folder the case was built from.
# For each case the build must exit 1 within 120 s, every expected line must be in stderr (and a
# diagnostic with a line number must be followed by that source line quoted, cut to 100
# characters around the caret when longer than 120, and a caret under its column, which a CSV
# table's diagnostic follows with the cell's row and column), nothing may crash, the previously
# published output must stay byte-identical with no staging folder left beside it, and the
# build's peak memory must stay under 512 MiB (measured with GNU time when installed; not for a
# sanitizer build, whose shadow memory and quarantine are not the build's).
#
# Checks named in tests/sites/invalid/KNOWN_FAILING are known compiler bugs: they are reported
# as XFAIL and do not fail the run; one that passes is XPASS, which does fail the run (remove it
# from the list). Runs stand alone: nothing outside SOURCE_DIR is read.
set -u -o pipefail
export LC_ALL=C.UTF-8  # bash string lengths in code points, like the compiler's columns

if [[ $# -lt 2 ]]; then
  echo "usage: $0 METODIKA SOURCE_DIR [sites|bundled|all]" >&2
  exit 2
fi
METODIKA=$(realpath "$1")
SRC=$(realpath "$2")
MODE=${3:-all}
SITES=$SRC/tests/sites
BASE=$SITES/valid/kurzeme-json
INVALID=$SITES/invalid
AS_OF=2026-11-22

WORK=$(mktemp -d "${TMPDIR:-/tmp}/metodika-e2e.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

declare -A KNOWN=()
if [[ -f $INVALID/KNOWN_FAILING ]]; then
  while IFS= read -r line || [[ -n $line ]]; do
    line=${line%%#*}
    line=${line//[[:space:]]/}
    [[ -n $line ]] && KNOWN[$line]=1
  done <"$INVALID/KNOWN_FAILING"
fi

n_pass=0 n_fail=0 n_xfail=0 n_xpass=0
FAILED=()
WHY=()  # reasons of the current check
NOTE=""  # an informative line printed under the current check's result

# result NAME: records PASS/FAIL (or XFAIL/XPASS) for the current check from WHY.
result() {
  local name=$1 known=${KNOWN[$1]:-}
  if [[ ${#WHY[@]} -eq 0 ]]; then
    if [[ -n $known ]]; then
      echo "XPASS $name  (passes now: remove it from tests/sites/invalid/KNOWN_FAILING)"
      n_xpass=$((n_xpass + 1))
      FAILED+=("$name")
    else
      echo "PASS  $name"
      n_pass=$((n_pass + 1))
    fi
  else
    if [[ -n $known ]]; then
      echo "XFAIL $name"
      n_xfail=$((n_xfail + 1))
    else
      echo "FAIL  $name"
      n_fail=$((n_fail + 1))
      FAILED+=("$name")
    fi
    local w
    for w in "${WHY[@]}"; do echo "        $w"; done
  fi
  [[ -n $NOTE ]] && echo "        $NOTE"
  WHY=()
  NOTE=""
}

fail() { WHY+=("$*"); }

# run OUTFILE ERRFILE CMD...: runs CMD with stdout/stderr to files; sets RC.
run() {
  local out=$1 err=$2
  shift 2
  "$@" >"$out" 2>"$err"
  RC=$?
}

# sane ERRFILE: no crash, sanitizer report or uncaught exception in stderr, no death by signal.
sane() {
  local err=$1 pat
  if [[ $RC -lt 128 ]] && ! grep -qE 'terminate called|Sanitizer|runtime error:|Aborted|Segmentation fault|core dumped|what\(\):|std::|Assertion' "$err"; then
    return 0
  fi
  for pat in 'terminate called' 'Sanitizer' 'runtime error:' 'Aborted' 'Segmentation fault' \
             'core dumped' 'what():' 'std::' 'Assertion'; do
    if grep -qF -- "$pat" "$err"; then
      fail "stderr contains \"$pat\":"
      while IFS= read -r l; do fail "  | $l"; done < <(grep -F -m 3 -- "$pat" "$err")
    fi
  done
  if [[ $RC -ge 128 ]]; then fail "killed by signal $((RC - 128))"; fi
}

# expect_rc WANT...: the last run's exit code is one of WANT.
expect_rc() {
  local want
  for want in "$@"; do [[ $RC -eq $want ]] && return 0; done
  fail "exit code $RC, expected $*"
  return 1
}

show_err() {  # the first lines of stderr, for a failure report
  local l
  while IFS= read -r l; do fail "  stderr| $l"; done < <(head -n "${2:-12}" "$1")
}

# snapshot DIR: every file with its hash and every folder, relative to DIR, sorted.
snapshot() {
  (cd "$1" && find . -type d | sort && find . -type f -print0 | sort -z | xargs -0 -r sha256sum)
}

# A site folder's state, for "writes nothing": also the parent's listing (staging folders).
tree_state() {
  snapshot "$1"
  echo "--- parent"
  ls -A "$(dirname "$1")"
}

# make_site CASEDIR DEST: the valid site with the case's patch laid over it.
make_site() {
  local case_dir=$1 dest=$2 p
  mkdir -p "${dest%/*}"
  cp -R "$BASE" "$dest"
  if [[ -d $case_dir/patch ]]; then
    cp -R "$case_dir/patch/." "$dest/"
    while IFS= read -r -d '' p; do
      rm -rf -- "$p" "${p%.delete}"
    done < <(find "$dest" -type f -name '*.delete' -print0)
  fi
  if [[ -f $case_dir/setup.sh ]]; then
    (cd "$dest" && bash "$case_dir/setup.sh") || echo "setup.sh of $case_dir failed" >&2
  fi
  return 0
}

# entries DIR: the names in DIR (with hidden ones), space-separated, without forking.
entries() {
  local e out=()
  for e in "$1"/* "$1"/.*; do
    e=${e##*/}
    [[ $e == . || $e == .. || $e == '*' || $e == '.*' ]] && continue
    out+=("$e")
  done
  echo "${out[*]}"
}

# The quoted source line and caret the compiler prints under `path:L:C: ...` (stderr line IDX,
# 0-based, in array ERRLINES): " L | <line L of the file>" then " <spaces> | <prefix>^", where the
# prefix has a space for every code point before column C (tabs kept).
check_quote() {
  local site=$1 idx=$2 diag=$3
  [[ $diag =~ ^([^:]+):([0-9]+):([0-9]+):\ (error|warning):\  ]] || return 0
  local path=${BASH_REMATCH[1]} L=${BASH_REMATCH[2]} C=${BASH_REMATCH[3]}
  [[ $L -gt 0 && -f $site/$path ]] || return 0
  local src lines
  mapfile -t -s $((L - 1)) -n 1 lines <"$site/$path"
  src=${lines[0]:-}
  # Not ${src%$'\r'}: bash takes minutes for it on a line of 2 MB.
  if [[ ${src: -1} == $'\r' ]]; then src=${src:0:${#src}-1}; fi
  # A byte order mark is not quoted (nor counted).
  if [[ $L -eq 1 && $src == $'\xEF\xBB\xBF'* ]]; then src=${src#$'\xEF\xBB\xBF'}; fi
  # A line longer than 120 characters is quoted as 100 of them around the caret, with "…" where
  # it was cut (diag/diagnostics.h).
  local len=${#src} caret=$((C - 1)) shown=$src width=$((C - 1))
  if ((len > 120)); then
    local start=0 end
    ((caret > 50)) && start=$((caret - 50))
    if ((start + 100 > len)); then start=$((len - 100)); fi
    end=$((start + 100))
    shown=${src:start:100}
    width=$((caret > start ? caret - start : 0))
    if ((start > 0)); then shown="…$shown"; width=$((width + 1)); fi
    ((end < len)) && shown+="…"
  fi
  local gutter=${L//?/ }
  local want_quote=" $L | $shown"
  local prefix="" i ch n=$width
  for ((i = 0; i < n; i++)); do
    ch=${shown:i:1}
    if [[ $ch == $'\t' ]]; then prefix+=$'\t'; else prefix+=' '; fi
  done
  local want_caret=" $gutter | $prefix^"
  if [[ ${ERRLINES[idx + 1]:-} != "$want_quote" ]]; then
    fail "after \"$diag\" expected the quoted line:"
    fail "  want| $want_quote"
    fail "  got | ${ERRLINES[idx + 1]:-<nothing>}"
  elif [[ ${ERRLINES[idx + 2]:-} != "$want_caret" && ${ERRLINES[idx + 2]:-} != "$want_caret "* ]]; then
    # (a CSV table's caret is followed by the cell's row and column)
    fail "after \"$diag\" expected the caret line:"
    fail "  want| $want_caret"
    fail "  got | ${ERRLINES[idx + 2]:-<nothing>}"
  fi
}

# check_expected SITE EXPECTED ERRFILE
check_expected() {
  local site=$1 expected=$2 err=$3 line neg pat i found
  mapfile -t ERRLINES <"$err"
  while IFS= read -r line || [[ -n $line ]]; do
    [[ -z $line || $line == \#* ]] && continue
    line=${line//\{SITE\}/$site}
    neg=""
    if [[ $line == !* ]]; then
      neg=1
      line=${line:1}
    fi
    found=-1
    for i in "${!ERRLINES[@]}"; do
      if [[ $line == re:* ]]; then
        pat=${line:3}
        [[ ${ERRLINES[i]} =~ ^($pat)$ ]] && { found=$i; break; }
      else
        [[ ${ERRLINES[i]} == "$line" ]] && { found=$i; break; }
      fi
    done
    if [[ -n $neg ]]; then
      [[ $found -ge 0 ]] && fail "stderr has a line it must not have: ${ERRLINES[found]}"
    elif [[ $found -lt 0 ]]; then
      fail "missing in stderr: $line"
    else
      check_quote "$site" "$found" "${ERRLINES[found]}"
    fi
  done <"$expected"
}

# ------------------------------------------------------------------------------------------
# Privacy: no `id:` or `name:` value of the private teacher files appears in any output file.

# private_values FILE...: the id and name values, one per line (block, flow and JSON styles).
private_values() {
  grep -ohE "(^|[{, -])\"?(id|name)\"?:[[:space:]]*(\"[^\"]*\"|'[^']*'|[^,}#]*)" "$@" |
    sed -E "s/^[{, -]*\"?(id|name)\"?:[[:space:]]*//; s/[[:space:]]+\$//; s/^\"(.*)\"\$/\\1/; s/^'(.*)'\$/\\1/" |
    grep -E '.{3,}' | sort -u
}

# check_privacy SITE OUT
check_privacy() {
  local site=$1 out=$2 v n=0
  local files=()
  mapfile -t files < <(find "$site/data/private" -type f \( -name '*.yaml' -o -name '*.yml' -o -name '*.json' \) 2>/dev/null | sort)
  if [[ ${#files[@]} -eq 0 ]]; then
    fail "no private teacher files found under $site/data/private"
    return
  fi
  while IFS= read -r v; do
    n=$((n + 1))
    if grep -rqF -- "$v" "$out"; then
      fail "private value \"$v\" appears in: $(grep -rlF -- "$v" "$out" | sed "s|^$out/||" | head -3 | tr '\n' ' ')"
    fi
  done < <(private_values "${files[@]}")
  if [[ $n -lt 2 ]]; then fail "found only $n private values to look for; the extraction is broken"; fi
  NOTE="(looked for $n private ids and names in $(find "$out" -type f | wc -l) output files)"
}

# ------------------------------------------------------------------------------------------
# comparison_check OUT: tests/e2e/comparison_check.py on a built site (issue 21).
comparison_check() {
  local line
  if ! python3 "$SRC/tests/e2e/comparison_check.py" "$1" >"$WORK/cmp" 2>&1; then
    while IFS= read -r line; do fail "$line"; done < <(grep -v '^comparison:' "$WORK/cmp" | head -10)
    [[ ${#WHY[@]} -gt 0 ]] || fail "comparison_check.py: $(tail -1 "$WORK/cmp")"
  fi
}

# lists_check OUT: tests/e2e/lists_check.py on a built site (issue 21: olympiads by subject,
# the list filter's choices).
lists_check() {
  local line
  if ! python3 "$SRC/tests/e2e/lists_check.py" "$1" >"$WORK/lists" 2>&1; then
    while IFS= read -r line; do fail "$line"; done < <(grep -v '^lists:' "$WORK/lists" | head -10)
    [[ ${#WHY[@]} -gt 0 ]] || fail "lists_check.py: $(tail -1 "$WORK/lists")"
  fi
}

run_site_tests() {
  local pub=$WORK/published  # holds only the output folder: a staging leftover would show here
  local out=$pub/out
  mkdir -p "$pub"
  local site=$WORK/valid/site
  make_site /nonexistent "$site"

  # The valid site builds.
  run "$WORK/o" "$WORK/e" "$METODIKA" build "$site" --out "$out" --as-of "$AS_OF"
  sane "$WORK/e"
  expect_rc 0 || show_err "$WORK/e" 20
  grep -q ': error: ' "$WORK/e" && { fail "errors on a valid site:"; show_err "$WORK/e" 20; }
  [[ -f $out/index.html ]] || fail "no $out/index.html"
  # Beside the output only its build cache (publish/cache.h), no staging leftover.
  [[ $(entries "$pub") == "out out.cache" ]] || fail "beside the output: $(entries "$pub")"
  result valid-build
  local snap
  snap=$(snapshot "$out")
  local pub_listing
  pub_listing=$(entries "$pub")

  # A second build into the same folder gives the same bytes (and replaces it cleanly).
  run "$WORK/o" "$WORK/e" "$METODIKA" build "$site" --out "$out" --as-of "$AS_OF" --quiet
  sane "$WORK/e"
  expect_rc 0 || show_err "$WORK/e"
  [[ $(snapshot "$out") == "$snap" ]] || fail "the second build differs: $(diff <(echo "$snap") <(snapshot "$out") | head -5 | tr '\n' ' ')"
  [[ $(entries "$pub") == "$pub_listing" ]] || fail "beside the output: $(entries "$pub")"
  result valid-rebuild-identical

  # One worker or many, a fresh folder: still the same bytes.
  run "$WORK/o" "$WORK/e" "$METODIKA" build "$site" --out "$WORK/out-j1/out" --as-of "$AS_OF" --jobs 1 --quiet
  sane "$WORK/e"
  expect_rc 0 || show_err "$WORK/e"
  [[ $(snapshot "$WORK/out-j1/out") == "$snap" ]] || fail "the --jobs 1 build differs from the parallel one"
  result valid-jobs1-identical

  # Defaults: SITE_DIR is the current folder, --out is SITE_DIR/output, as_of from site.yml.
  local site2=$WORK/valid-default/site
  make_site /nonexistent "$site2"
  RC=0
  (cd "$site2" && "$METODIKA" build >"$WORK/o" 2>"$WORK/e") || RC=$?
  sane "$WORK/e"
  expect_rc 0 || show_err "$WORK/e"
  if [[ -d $site2/output ]]; then
    [[ $(snapshot "$site2/output") == "$snap" ]] || fail "the output with defaults differs from --as-of $AS_OF --out"
  else
    fail "no output folder $site2/output"
  fi
  result valid-defaults

  # The private teacher records of the site appear nowhere in its output.
  check_privacy "$site" "$out"
  result valid-privacy

  # The comparison of municipalities: its CSV is its table, each row is its municipality's.
  comparison_check "$out"
  result valid-comparison

  # Every subject's olympiads on a page of their own; the filters offer what their lists hold.
  lists_check "$out"
  result valid-lists

  # The teacher records kept for the next build (publish/private_store.h): inside data/private/,
  # for the owner only, out of git, without names or course titles; a damaged store is ignored
  # and replaced, and the output stays the same.
  local store=$site/data/private/.metodika-cache
  if [[ -f $store/teachers.bin ]]; then
    [[ $(stat -c %a "$store") == 700 ]] || fail "the store's folder has mode $(stat -c %a "$store"), not 700"
    [[ $(stat -c %a "$store/teachers.bin") == 600 ]] || fail "teachers.bin has mode $(stat -c %a "$store/teachers.bin"), not 600"
    grep -qx '\*' "$store/.gitignore" 2>/dev/null || fail "the store has no .gitignore of *"
    local v n=0
    while IFS= read -r v; do
      n=$((n + 1))
      grep -qF -- "$v" "$store/teachers.bin" && fail "the store holds the private name or title \"$v\""
    done < <(grep -ohE "(name|title): *[^,}]+" "$site"/data/private/teachers/* | sed -E 's/^(name|title): *//; s/ *$//; s/^"(.*)"$/\1/' | grep -E '.{4,}' | sort -u)
    [[ $n -ge 2 ]] || fail "found only $n names and titles to look for"
    head -c 100 /dev/urandom >"$store/teachers.bin"
    run "$WORK/o" "$WORK/e" "$METODIKA" build "$site" --out "$WORK/out-store/out" --as-of "$AS_OF" --quiet
    sane "$WORK/e"
    expect_rc 0 || show_err "$WORK/e"
    [[ $(snapshot "$WORK/out-store/out") == "$snap" ]] || fail "the build with a damaged store differs"
    [[ $(head -c 19 "$store/teachers.bin") == METODIKA-TEACHERS-1 ]] || fail "the damaged store was not replaced"
    # The public data files' trees are kept beside the records, as privately (they hold the
    # heads' evaluations); a damaged one is ignored and replaced too.
    [[ -f $store/trees.bin ]] || fail "no store of the data files' trees at $store/trees.bin"
    [[ $(stat -c %a "$store/trees.bin") == 600 ]] || fail "trees.bin has mode $(stat -c %a "$store/trees.bin"), not 600"
    dd if=/dev/urandom of="$store/trees.bin" bs=1 count=64 seek=200 conv=notrunc status=none
    run "$WORK/o" "$WORK/e" "$METODIKA" build "$site" --out "$WORK/out-store/out" --as-of "$AS_OF" --quiet
    sane "$WORK/e"
    expect_rc 0 || show_err "$WORK/e"
    [[ $(snapshot "$WORK/out-store/out") == "$snap" ]] || fail "the build with damaged trees differs"
    [[ $(head -c 16 "$store/trees.bin") == METODIKA-TREES-1 ]] || fail "the damaged trees were not replaced"
    run "$WORK/o" "$WORK/e" "$METODIKA" build "$site" --out "$WORK/out-store/out" --as-of "$AS_OF" --quiet
    [[ $(snapshot "$WORK/out-store/out") == "$snap" ]] || fail "the build from the kept trees differs"
    # A store folder opened to everyone (an unpacked archive, a umask of 0) is made private again
    # by the next build, even one that has nothing new to keep.
    chmod 0777 "$store"
    chmod 0666 "$store/teachers.bin" "$store/trees.bin"
    run "$WORK/o" "$WORK/e" "$METODIKA" build "$site" --out "$WORK/out-store/out" --as-of "$AS_OF" --quiet
    sane "$WORK/e"
    expect_rc 0 || show_err "$WORK/e"
    [[ $(stat -c %a "$store") == 700 ]] || fail "a store folder made 0777 was left $(stat -c %a "$store")"
    for f in teachers.bin trees.bin; do
      [[ $(stat -c %a "$store/$f") == 600 ]] || fail "$f made 0666 was left $(stat -c %a "$store/$f")"
    done
  else
    fail "no store of teacher records at $store/teachers.bin"
  fi
  result valid-private-store

  # A teacher file's errors are reported again, the same, when its records come from the store.
  local pstore=$WORK/private-store/site
  make_site "$INVALID/private-unknown-school" "$pstore"
  run "$WORK/o" "$WORK/e" "$METODIKA" build "$pstore" --out "$WORK/private-store/out" --as-of "$AS_OF"
  sane "$WORK/e"
  expect_rc 1 || show_err "$WORK/e"
  cp "$WORK/e" "$WORK/e-first"
  [[ -f $pstore/data/private/.metodika-cache/teachers.bin ]] || fail "a failed build kept no records"
  run "$WORK/o" "$WORK/e" "$METODIKA" build "$pstore" --out "$WORK/private-store/out" --as-of "$AS_OF"
  sane "$WORK/e"
  expect_rc 1 || show_err "$WORK/e"
  cmp -s "$WORK/e-first" "$WORK/e" || fail "the second build reported otherwise: $(diff "$WORK/e-first" "$WORK/e" | head -4 | tr '\n' ' ')"
  check_expected "$pstore" "$INVALID/private-unknown-school/expected.txt" "$WORK/e"
  # Without teacher files, nothing private is kept.
  rm -r "$pstore/data/private/teachers"
  run "$WORK/o" "$WORK/e" "$METODIKA" build "$pstore" --out "$WORK/private-store/out" --as-of "$AS_OF" --quiet
  sane "$WORK/e"
  expect_rc 0 || show_err "$WORK/e"
  [[ -e $pstore/data/private/.metodika-cache/teachers.bin ]] && fail "the records of deleted teacher files are still kept"
  result private-store-diagnostics

  # Errors in public data files (a bad value, a syntax error, a duplicate key) are reported again,
  # the same, when their trees come from the store.
  local case kept_site
  for case in several-errors yaml-unclosed-quote duplicate-yaml-key; do
    kept_site=$WORK/kept-trees/$case
    make_site "$INVALID/$case" "$kept_site"
    run "$WORK/o" "$WORK/e" "$METODIKA" build "$kept_site" --out "$WORK/kept-trees/$case-out" --as-of "$AS_OF"
    expect_rc 1 || show_err "$WORK/e"
    cp "$WORK/e" "$WORK/e-first"
    [[ -f $kept_site/data/private/.metodika-cache/trees.bin ]] || fail "$case: a failed build kept no trees"
    run "$WORK/o" "$WORK/e" "$METODIKA" build "$kept_site" --out "$WORK/kept-trees/$case-out" --as-of "$AS_OF"
    sane "$WORK/e"
    expect_rc 1 || show_err "$WORK/e"
    cmp -s "$WORK/e-first" "$WORK/e" || fail "$case: the second build reported otherwise: $(diff "$WORK/e-first" "$WORK/e" | head -4 | tr '\n' ' ')"
    check_expected "$kept_site" "$INVALID/$case/expected.txt" "$WORK/e"
  done
  result kept-trees-diagnostics

  # `check` validates and writes nothing (not even an output folder).
  local before
  before=$(tree_state "$site")
  run "$WORK/o" "$WORK/e" "$METODIKA" check "$site" --as-of "$AS_OF"
  sane "$WORK/e"
  expect_rc 0 || show_err "$WORK/e"
  [[ -s $WORK/o ]] && fail "check printed to stdout: $(head -c 200 "$WORK/o")"
  [[ $(tree_state "$site") == "$before" ]] || fail "check changed the site folder: $(diff <(echo "$before") <(tree_state "$site") | head -5 | tr '\n' ' ')"
  result valid-check-writes-nothing

  # Usage errors exit 2 and write nothing.
  run "$WORK/o" "$WORK/e" "$METODIKA" build "$site" --out "$WORK/bad-as-of/out" --as-of 2026-13-01
  sane "$WORK/e"
  expect_rc 2 || show_err "$WORK/e"
  [[ -e $WORK/bad-as-of ]] && fail "--as-of 2026-13-01 created $WORK/bad-as-of"
  result cli-bad-as-of

  run "$WORK/o" "$WORK/e" "$METODIKA" build "$WORK/no-such-site" --out "$WORK/no-site-out"
  sane "$WORK/e"
  expect_rc 2 || show_err "$WORK/e"
  [[ -e $WORK/no-site-out ]] && fail "a missing SITE_DIR created the output folder"
  result cli-missing-site-dir

  run "$WORK/o" "$WORK/e" "$METODIKA" build "$site" --out "$WORK/bogus-out" --no-such-option
  sane "$WORK/e"
  expect_rc 2 || show_err "$WORK/e"
  [[ -e $WORK/bogus-out ]] && fail "an unknown option still built"
  result cli-unknown-option

  run "$WORK/o" "$WORK/e" "$METODIKA"
  sane "$WORK/e"
  expect_rc 2 || show_err "$WORK/e"
  result cli-no-subcommand

  run "$WORK/o" "$WORK/e" "$METODIKA" --version
  sane "$WORK/e"
  expect_rc 0
  grep -qE '^metodika [0-9]+\.[0-9]+\.[0-9]+' "$WORK/o" || fail "--version printed: $(head -c 200 "$WORK/o")"
  result cli-version

  run "$WORK/o" "$WORK/e" "$METODIKA" --help
  sane "$WORK/e"
  expect_rc 0
  for w in build check new; do grep -qw "$w" "$WORK/o" || fail "--help does not mention \"$w\""; done
  result cli-help

  # `new DIR` makes a site that builds; `new` on a non-empty folder refuses and changes nothing.
  local fresh=$WORK/new/site
  run "$WORK/o" "$WORK/e" "$METODIKA" new "$fresh"
  sane "$WORK/e"
  expect_rc 0 || show_err "$WORK/e"
  [[ -f $fresh/site.yaml ]] || fail "new created no site.yaml"
  run "$WORK/o" "$WORK/e" "$METODIKA" build "$fresh" --out "$WORK/new/out"
  sane "$WORK/e"
  expect_rc 0 || show_err "$WORK/e"
  [[ -f $WORK/new/out/index.html ]] || fail "the new site's build wrote no index.html"
  result cli-new-builds

  before=$(snapshot "$fresh")
  run "$WORK/o" "$WORK/e" "$METODIKA" new "$fresh"
  sane "$WORK/e"
  expect_rc 2 || show_err "$WORK/e"
  [[ $(snapshot "$fresh") == "$before" ]] || fail "new on a non-empty folder changed it"
  result cli-new-non-empty

  # "Today": without as_of in site.yml and without --as-of the build says so (exit 1); with
  # SOURCE_DATE_EPOCH at 2026-11-22 00:00 UTC it gives the same bytes as --as-of 2026-11-22.
  local noasof=$WORK/no-as-of/site
  make_site /nonexistent "$noasof"
  sed -i '/^as_of:/d' "$noasof/site.yml"
  RC=0
  env -u SOURCE_DATE_EPOCH "$METODIKA" build "$noasof" --out "$WORK/no-as-of/out" >"$WORK/o" 2>"$WORK/e" || RC=$?
  sane "$WORK/e"
  expect_rc 1 || show_err "$WORK/e"
  grep -qxF 'site.yml:1:1: error: the build has no "as of" date' "$WORK/e" ||
    { fail 'missing in stderr: site.yml:1:1: error: the build has no "as of" date'; show_err "$WORK/e"; }
  [[ -e $WORK/no-as-of/out ]] && fail "a failed build created the output folder"
  result cli-no-as-of

  RC=0
  SOURCE_DATE_EPOCH=1795305600 "$METODIKA" build "$noasof" --out "$WORK/no-as-of/out" --quiet >"$WORK/o" 2>"$WORK/e" || RC=$?
  sane "$WORK/e"
  expect_rc 0 || show_err "$WORK/e"
  [[ -d $WORK/no-as-of/out && $(snapshot "$WORK/no-as-of/out") == "$snap" ]] ||
    fail "SOURCE_DATE_EPOCH=1795305600 does not give the output of --as-of $AS_OF"
  result cli-source-date-epoch

  # `check` reports the same errors as `build`, exits 1, and writes nothing.
  local broken=$WORK/check-broken/site
  make_site "$INVALID/several-errors" "$broken"
  before=$(tree_state "$broken")
  run "$WORK/o" "$WORK/e" "$METODIKA" check "$broken" --as-of "$AS_OF"
  sane "$WORK/e"
  expect_rc 1 || show_err "$WORK/e"
  check_expected "$broken" "$INVALID/several-errors/expected.txt" "$WORK/e"
  [[ $(tree_state "$broken") == "$before" ]] || fail "check changed the site folder"
  result cli-check-broken-site

  # --out must never replace the site itself, a folder holding it, or one of its input folders:
  # the build swaps the output folder in and deletes what was there.
  local target
  for target in site parent data; do
    local box=$WORK/out-$target
    local s=$box/site
    make_site /nonexistent "$s"
    echo "keep me" >"$box/unrelated.txt"
    local o
    case $target in
      site) o=$s ;;
      parent) o=$box ;;
      data) o=$s/data ;;
    esac
    before=$(snapshot "$box")
    run "$WORK/o" "$WORK/e" "$METODIKA" build "$s" --out "$o" --as-of "$AS_OF" --quiet
    sane "$WORK/e"
    expect_rc 1 2 || true
    [[ $(snapshot "$box") == "$before" ]] || fail "--out $target: the site or its folder was changed (now: $(ls -A "$box" | head -5 | tr '\n' ' '))"
    result "cli-out-is-$target-dir"
  done

  # Broken variants: each exits 1, reports what expected.txt says, and leaves the output alone.
  # Each case gets its own copy of the published output (so the cases are independent) and the
  # builds run in parallel; the results are then judged in order.
  local case_dir name cases=() jobs measure=()
  jobs=$(nproc 2>/dev/null || echo 2)
  if [[ -x /usr/bin/time ]] && ! ldd "$METODIKA" 2>/dev/null | grep -q 'lib[at]san'; then
    measure=(/usr/bin/time -f %M -o)
  fi
  for case_dir in "$INVALID"/*/; do
    case_dir=${case_dir%/}
    name=${case_dir##*/}
    cases+=("$name")
    [[ -f $case_dir/expected.txt ]] || continue
    local cdir=$WORK/cases/$name
    make_site "$case_dir" "$cdir/site"
    mkdir -p "$cdir/pub"
    cp -R "$out" "$cdir/pub/out"
    (
      if [[ ${#measure[@]} -gt 0 ]]; then
        timeout 120 "${measure[@]}" "$cdir/rss" "$METODIKA" build "$cdir/site" --out "$cdir/pub/out" \
          --as-of "$AS_OF" >"$cdir/stdout" 2>"$cdir/stderr"
      else
        timeout 120 "$METODIKA" build "$cdir/site" --out "$cdir/pub/out" --as-of "$AS_OF" \
          >"$cdir/stdout" 2>"$cdir/stderr"
      fi
      echo $? >"$cdir/rc"
    ) &
    while [[ $(jobs -rp | wc -l) -ge $jobs ]]; do wait -n; done
  done
  wait
  for name in "${cases[@]}"; do
    case_dir=$INVALID/$name
    local cdir=$WORK/cases/$name
    if [[ ! -f $case_dir/expected.txt ]]; then
      fail "no expected.txt"
      result "$name"
      continue
    fi
    read -r RC <"$cdir/rc"
    # GNU time notes a non-zero exit in its output file before the figure: the figure is last.
    if [[ -f $cdir/rss ]]; then
      local kib
      kib=$(tail -n 1 "$cdir/rss")
      if [[ $kib =~ ^[0-9]+$ ]] && ((kib > 512 * 1024)); then
        fail "peak memory $((kib / 1024)) MiB, more than 512 MiB"
      fi
    fi
    sane "$cdir/stderr"
    expect_rc 1
    check_expected "$cdir/site" "$case_dir/expected.txt" "$cdir/stderr"
    diff -rq "$out" "$cdir/pub/out" >/dev/null 2>&1 || fail "the published output changed: $(diff -rq "$out" "$cdir/pub/out" 2>&1 | head -3 | tr '\n' ' ')"
    [[ $(entries "$cdir/pub") == out ]] || fail "beside the output: $(entries "$cdir/pub")"
    [[ ${#WHY[@]} -gt 0 ]] && show_err "$cdir/stderr" 16
    result "$name"
  done

  # Every name in KNOWN_FAILING must be a check that exists.
  local k
  for k in "${!KNOWN[@]}"; do
    if [[ ! -d $INVALID/$k && $k != cli-* && $k != valid-* && $k != bundled-* ]]; then
      fail "KNOWN_FAILING names \"$k\", which is no check"
      result known-failing-list
    fi
  done
}

run_bundled_tests() {
  local out=$WORK/bundled/out
  run "$WORK/o" "$WORK/e" "$METODIKA" build "$SRC" --out "$out"
  sane "$WORK/e"
  expect_rc 0 || show_err "$WORK/e" 20
  grep -q ': error: ' "$WORK/e" && { fail "errors in the bundled site:"; show_err "$WORK/e" 20; }
  [[ -f $out/index.html ]] || fail "no index.html"
  [[ $(entries "$WORK/bundled") == "out out.cache" ]] || fail "beside the output: $(entries "$WORK/bundled")"
  result bundled-build

  if [[ -f $out/index.html ]]; then
    check_privacy "$SRC" "$out"
  else
    fail "no output to check"
  fi
  result bundled-privacy

  if [[ -f $out/index.html ]]; then comparison_check "$out"; else fail "no output to check"; fi
  result bundled-comparison

  if [[ -f $out/index.html ]]; then lists_check "$out"; else fail "no output to check"; fi
  result bundled-lists
}

start=$SECONDS
case $MODE in
  sites) run_site_tests ;;
  bundled) run_bundled_tests ;;
  all) run_site_tests; run_bundled_tests ;;
  *) echo "unknown mode $MODE (sites, bundled or all)" >&2; exit 2 ;;
esac

echo "e2e: $n_pass passed, $n_fail failed, $n_xfail known failing (XFAIL), $n_xpass unexpectedly passing (XPASS) in $((SECONDS - start)) s"
if [[ ${#FAILED[@]} -gt 0 ]]; then
  echo "e2e: FAILED: ${FAILED[*]}"
  exit 1
fi
exit 0

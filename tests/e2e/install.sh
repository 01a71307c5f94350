#!/usr/bin/env bash
# `cmake --install` into a folder, then what was installed, used as a user would:
# - metodika(1) renders with man and names every subcommand and every option that --help names;
# - the bash completion completes subcommands, options, and the values of --only;
# - the installed binary, run from another folder, creates a new site and builds it (nothing is
#   read from the source tree at run time).
# Usage: install.sh BUILD_DIR METODIKA SOURCE_DIR
set -euo pipefail
build=$1
metodika=$2
src=$(cd "$3" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL  $*"; exit 1; }

cmake --install "$build" --prefix "$work/usr" >/dev/null
bin=$work/usr/bin/metodika
[[ -x $bin ]] || fail "no bin/metodika"
man_page=$work/usr/share/man/man1/metodika.1.gz
[[ -f $man_page ]] || fail "no share/man/man1/metodika.1.gz"
completion=$work/usr/share/bash-completion/completions/metodika
[[ -f $completion ]] || fail "no bash completion"
[[ -f $work/usr/share/doc/metodika/examples/nginx/metodika.conf ]] || fail "no nginx example"

# The man page says what --help says.
MANWIDTH=200 man -l "$man_page" 2>/dev/null > "$work/man.txt" || fail "man cannot render metodika(1)"
grep -q "EXIT STATUS" "$work/man.txt" || fail "metodika(1) has no EXIT STATUS"
for cmd in build check serve new; do
  grep -q "metodika $cmd" "$work/man.txt" || fail "metodika(1) does not name '$cmd'"
  for opt in $("$bin" "$cmd" --help | grep -oE -- '--[a-z][a-z-]+' | sort -u); do
    grep -q -- "${opt//-/.}" "$work/man.txt" || fail "metodika(1) lacks '$cmd $opt' that --help has"
  done
done
cmp -s <(gzip -dc "$man_page") <("$metodika" --man-page) || fail "installed man page differs from --man-page"

# The completion, as bash-completion would call it.
complete_words() {   # WORDS...: prints the candidates for the last word
  bash -c '
    source /usr/share/bash-completion/bash_completion
    source "$0"
    COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
    _metodika
    printf "%s\n" "${COMPREPLY[@]}"' "$completion" "$@"
}
[[ $(complete_words metodika bu) == build ]] || fail "completion of 'bu': $(complete_words metodika bu)"
[[ $(complete_words metodika build --onl) == --only ]] || fail "completion of '--onl'"
got=$(complete_words metodika build --only "" | sort | tr '\n' ' ')
[[ $got == "annexes reports site " ]] || fail "completion of --only values: $got"
complete_words metodika serve --p | grep -qx -- --port || fail "completion of 'serve --p'"

# The installed binary from another folder: a new site builds.
(cd "$work" && "$bin" new mysite >/dev/null 2>&1 && "$bin" build mysite -q) || fail "new site did not build"
[[ -f $work/mysite/output/index.html ]] || fail "new site has no index.html"
ls "$work"/mysite/output/parskati/*.pdf >/dev/null 2>&1 || fail "new site has no PDF review"
echo "install: binary, metodika(1), completion and a new site from another folder"

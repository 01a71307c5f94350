#!/usr/bin/env bash
# Builds the libFuzzer harnesses of tests/fuzz/ (the `fuzz` CMake preset: build-fuzz/, clang,
# ASan + UBSan) when needed, then fuzzes each for a bounded time from its seed corpus
# tests/fuzz/corpus/<harness>/ (every seed runs first, so the corpus is also a regression suite).
#
#   tests/fuzz/run.sh SOURCE_DIR [SECONDS_EACH [HARNESS...]]
#
# ctest (`fuzz`, debug preset) runs it with 25 s each. Exit 0 when no harness crashed, leaked,
# hung, ran out of memory or tripped a sanitizer; 1 otherwise, with the offending input kept in
# build-fuzz/artifacts/ and the report printed; 77 (ctest: skipped) without clang's libFuzzer
# (scripts/install-deps.sh --test installs clang and libclang-rt-14-dev).
#
# New inputs the fuzzer finds go to a temporary folder, not into the seed corpus: a seed is added
# by hand (a crash, once fixed, becomes a regression input there).
#
# Limits: -max_len=4096 keeps inputs small enough for many runs per second; -rss_limit_mb=2048
# turns a memory blow-up into a reported failure; -timeout=10 a hang into one.
set -u -o pipefail

if [[ $# -lt 1 ]]; then
  echo "usage: $0 SOURCE_DIR [SECONDS_EACH [HARNESS...]]" >&2
  exit 2
fi
SRC=$(realpath "$1")
SECS=${2:-30}
shift $(($# >= 2 ? 2 : 1))
HARNESSES=("$@")
if [[ ${#HARNESSES[@]} -eq 0 ]]; then HARNESSES=(yaml front_matter markdown review_template); fi
BUILD=$SRC/build-fuzz
ARTIFACTS=$BUILD/artifacts
WORK=$(mktemp -d "${TMPDIR:-/tmp}/metodika-fuzz.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

# clang with its libFuzzer runtime?
probe='extern "C" int LLVMFuzzerTestOneInput(const unsigned char*, unsigned long) { return 0; }'
if ! command -v clang++ >/dev/null ||
   ! echo "$probe" | clang++ -x c++ -fsanitize=fuzzer,address,undefined - -o "$WORK/probe" 2>/dev/null; then
  echo "fuzz: SKIPPED: clang++ with -fsanitize=fuzzer is not available (scripts/install-deps.sh --test)"
  exit 77
fi

# Configure once, then build (a no-op when nothing changed). ccache when there is one.
if command -v ccache >/dev/null; then
  export CMAKE_C_COMPILER_LAUNCHER=${CMAKE_C_COMPILER_LAUNCHER:-ccache}
  export CMAKE_CXX_COMPILER_LAUNCHER=${CMAKE_CXX_COMPILER_LAUNCHER:-ccache}
fi
start=$SECONDS
(
  cd "$SRC" || exit 1
  if [[ ! -f $BUILD/CMakeCache.txt ]]; then cmake --preset fuzz >"$WORK/configure.log" 2>&1 || {
    cat "$WORK/configure.log"
    exit 1
  }; fi
  cmake --build --preset fuzz >"$WORK/build.log" 2>&1 || {
    tail -n 60 "$WORK/build.log"
    exit 1
  }
) || { echo "fuzz: FAILED to build the harnesses"; exit 1; }
echo "fuzz: harnesses built in $((SECONDS - start)) s"

# The sanitizers stop at the first report; libFuzzer keeps the input that caused it.
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:symbolize=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
mkdir -p "$ARTIFACTS"
failed=()
for h in "${HARNESSES[@]}"; do
  bin=$BUILD/tests/fuzz/${h}_fuzz
  corpus=$SRC/tests/fuzz/corpus/$h
  if [[ ! -x $bin || ! -d $corpus ]]; then
    echo "FAIL  $h: no harness $bin or no corpus $corpus"
    failed+=("$h")
    continue
  fi
  mkdir -p "$WORK/$h"
  t0=$SECONDS
  "$bin" -max_total_time="$SECS" -max_len=4096 -rss_limit_mb=2048 -timeout=10 \
    -print_final_stats=1 -artifact_prefix="$ARTIFACTS/$h-" "$WORK/$h" "$corpus" \
    >"$WORK/$h.log" 2>&1
  rc=$?
  runs=$(grep -oE '^stat::number_of_executed_units: *[0-9]+' "$WORK/$h.log" | grep -oE '[0-9]+$')
  seeds=$(find "$corpus" -type f | wc -l)
  if [[ $rc -eq 0 ]]; then
    echo "PASS  $h: ${runs:-?} runs in $((SECONDS - t0)) s from $seeds seeds"
  else
    echo "FAIL  $h (exit $rc):"
    grep -E 'ERROR: |SUMMARY: |runtime error|Test unit written|^artifact_prefix|==[0-9]+==' \
      "$WORK/$h.log" | head -n 20 | sed 's/^/        /'
    grep -E '^    #[0-9]+ ' "$WORK/$h.log" | head -n 25 | sed 's/^/        /'
    failed+=("$h")
  fi
done
echo "fuzz: ${#HARNESSES[@]} harnesses, ${#failed[@]} failed, $((SECONDS - start)) s in all"
[[ ${#failed[@]} -eq 0 ]] || { echo "fuzz: FAILED: ${failed[*]} (inputs in $ARTIFACTS)"; exit 1; }
exit 0

#!/usr/bin/env bash
# Installs what the benchmarks need on a Debian 12 machine, only when missing, and builds the
# release binary they measure (build/metodika):
#   bash bench/setup.sh            peers and tools, build dependencies, release build
#   bash bench/setup.sh --no-build peers and tools only
# The peers (../shared/bench/README.md): Hugo renders the equivalent site, WeasyPrint prints the
# equivalent reviews, openpyxl writes the equivalent workbooks; PyYAML reads the site for them.
# pdfinfo (poppler-utils) counts PDF pages; GNU time (/usr/bin/time) gives peak memory.
set -euo pipefail
cd "$(dirname "$0")/.."

bench_pkgs=(hugo weasyprint python3-yaml python3-openpyxl poppler-utils fonts-dejavu-core time)

missing=()
for p in "${bench_pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]} > 0)); then
  sudo=""
  if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
  echo "Installing: ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [[ "${1:-}" == "--no-build" ]]; then exit 0; fi
bash scripts/install-deps.sh          # the compiler's own build dependencies
cmake --preset release >/dev/null
cmake --build --preset release

#!/usr/bin/env bash
# Installs Metodika's build and test dependencies from Debian 12 packages, only when missing.
# Nothing is vendored and nothing is downloaded from anywhere but the Debian archive.
#   scripts/install-deps.sh            build dependencies
#   scripts/install-deps.sh --test     also what the test suite uses (LibreOffice, poppler, ...)
set -euo pipefail

build_pkgs=(
  build-essential cmake pkg-config
  libyaml-dev                       # YAML/JSON parser with line:col marks (see generator/load/yaml.h)
  libcmark-gfm-dev libcmark-gfm-extensions-dev
  nlohmann-json3-dev
  libxlsxwriter-dev
  libhpdf-dev
  libharfbuzz-dev                   # hb-subset: font subsetting for the PDF
  libhyphen-dev hyphen-lv           # Latvian hyphenation patterns
  libkainjow-mustache-dev
  libcli11-dev
  libicu-dev
  libxxhash-dev                     # digests for the incremental build cache
  libjemalloc-dev                   # the executable's allocator (CMakeLists.txt says why)
  zlib1g-dev                        # gzip of the published files; libharu's own streams
  libdeflate-dev                    # compresses the PDF's streams (render/pdf/flate.h says why)
  doctest-dev
  fonts-dejavu-core fonts-dejavu-extra   # the PDF review: Sans, Bold, Oblique, Mono
)
test_pkgs=(python3 python3-openpyxl python3-yaml poppler-utils qpdf chromium nodejs npm
           libreoffice-calc-nogui   # recalculates the XLSX annexes (tests/e2e/run_xlsx.sh)
           nginx rsync man-db bash-completion   # deploy/: tests/e2e/nginx.sh, publish_script.sh, install.sh
           clang libclang-rt-14-dev   # libFuzzer and the sanitizers' runtimes (tests/fuzz/run.sh)
           python3-pikepdf            # reads the reviews' objects for the PDF/UA-1 checks (check_pdfua.py)
           time)                      # GNU time: peak memory of the broken sites (run_sites.sh)

want=("${build_pkgs[@]}")
if [[ "${1:-}" == "--test" ]]; then want+=("${test_pkgs[@]}"); fi

missing=()
for p in "${want[@]}"; do
  # npm only installs the browser tests' packages, Node.js 20 among them (tests/a11y/node.sh), so
  # any npm does; an npm that came with another Node.js (NodeSource's) conflicts with Debian's.
  if [[ $p == nodejs || $p == npm ]] && command -v npm >/dev/null; then continue; fi
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]} == 0)); then exit 0; fi

sudo=""
if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
echo "Installing: ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null

#!/usr/bin/env bash
# The README's promise, checked by hand on a machine with root and network (not in CTest: it
# downloads a Debian system and takes most of an hour on 2 cores):
#   sudo bash scripts/fresh-debian.sh WORK_DIR
# 1. debootstraps a minimal Debian 12 (minbase: nothing of the project's installed), clones this
#    repository into it and runs the README's two commands there, timing each;
# 2. builds the .deb here (cpack --preset deb), debootstraps a second minimal Debian 12, installs
#    the package there with apt, and builds a `metodika new` site and a copy of the bundled site
#    from folders outside any source tree.
# Logs: WORK_DIR/readme.log and WORK_DIR/deb.log.
set -euo pipefail
work=$(realpath "${1:?usage: fresh-debian.sh WORK_DIR}")
src=$(cd "$(dirname "$0")/.." && pwd)
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
mkdir -p "$work"
command -v debootstrap >/dev/null || apt-get install -y -qq debootstrap
mounts=()
cleanup() { for m in "${mounts[@]}"; do umount -R "$m" 2>/dev/null || true; done; }
trap cleanup EXIT
fresh() {   # DIR: a minimal Debian 12 with /proc, /sys and /dev
  local root=$1
  [[ -d $root/usr ]] || debootstrap --variant=minbase bookworm "$root" "$mirror" >/dev/null
  cp /etc/resolv.conf "$root/etc/resolv.conf"
  mount -t proc proc "$root/proc"; mount --rbind /sys "$root/sys"; mount --rbind /dev "$root/dev"
  mounts+=("$root/proc" "$root/sys" "$root/dev")
}
in_root() {   # DIR COMMAND: as a login with a clean environment
  chroot "$1" env -i HOME=/root TERM=dumb PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    bash -c "$2"
}

fresh "$work/readme"
rm -rf "$work/readme/root/metodika"
git clone -q "$src" "$work/readme/root/metodika"
in_root "$work/readme" 'cd /root/metodika
  for cmd in build test; do
    start=$(date +%s); status=0
    bash scripts/setup.sh $cmd || status=$?
    echo "README command \"bash scripts/setup.sh $cmd\": exit $status in $(( $(date +%s) - start )) s"
  done' 2>&1 | tee "$work/readme.log" | grep '^README command'

(cd "$src" && cmake --preset package >/dev/null && cmake --build --preset package >/dev/null &&
 cpack --preset deb >/dev/null)
fresh "$work/deb"
cp "$src"/build-package/metodika_*.deb "$work/deb/root/"
mkdir -p "$work/deb/root/bundled"
(cd "$src" && cp -r site.yaml data content templates themes "$work/deb/root/bundled/")
in_root "$work/deb" 'set -e; export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq /root/metodika_*.deb >/dev/null
  cd /tmp && rm -rf mysite && metodika new mysite && metodika build mysite
  cd / && metodika build /root/bundled --out /tmp/bundled
  echo ".deb: installed; a new site and the bundled site built"' 2>&1 | tee "$work/deb.log" | tail -1
